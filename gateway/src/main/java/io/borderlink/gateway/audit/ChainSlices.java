package io.borderlink.gateway.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The part of the audit chain an evidence bundle carries: the slices that hold the exported entries, each
 * from one signed checkpoint to the next so that it can be recomputed between two signed hashes, and
 * those checkpoints. Entries of other exchanges inside a slice are written as hashes only.
 */
@Component
class ChainSlices {

    private static final int PAGE = 5000;
    /** The chain is written one entry per line: it is long, and read by people as well as tools. */
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final AuditVerification chain;
    private final Checkpoints checkpoints;

    ChainSlices(AuditVerification chain, Checkpoints checkpoints) {
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    /**
     * A slice of the chain: the entries after {@code previousSeq} (whose chain hash is given) up to and
     * including {@code endSeq}, where a checkpoint signed the hash.
     */
    record Segment(long previousSeq, String previousHash, long endSeq) {}

    /**
     * The slices of the chain that hold the entries: each runs from the checkpoint before an entry (or the
     * start of the chain) to the first checkpoint at or after it, so it can be recomputed from one signed
     * hash to another. Adjacent slices are merged.
     */
    List<Segment> covering(long[] inScope) {
        List<Segment> segments = new ArrayList<>();
        for (long seq : inScope) {
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && seq <= last.endSeq()) {
                continue;
            }
            Optional<Checkpoint> before = checkpoints.before(seq);
            Checkpoint end = checkpoints
                    .covering(seq)
                    .orElseThrow(() -> new GatewayException(
                            ErrorCode.INTERNAL_ERROR,
                            "entry " + seq + " is not covered by a checkpoint: the chain is damaged, verify it first"));
            long previousSeq = before.map(Checkpoint::seq).orElse(0L);
            if (last != null && previousSeq == last.endSeq()) {
                segments.set(segments.size() - 1, new Segment(last.previousSeq(), last.previousHash(), end.seq()));
            } else {
                String previousHash = before.map(Checkpoint::chainHash).orElse(ChainHashes.GENESIS);
                segments.add(new Segment(previousSeq, previousHash, end.seq()));
            }
        }
        return segments;
    }

    /** Streams the slices into the bundle entry by entry; answers how many entries were written. */
    long write(List<Segment> segments, long[] inScope, BundleWriter writer) throws IOException {
        return writer.stream(BundleFormat.CHAIN, out -> {
            long written = 0;
            try (JsonGenerator json = COMPACT.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.setPrettyPrinter(new DefaultPrettyPrinter()
                        .withArrayIndenter(new DefaultIndenter("", "\n"))
                        .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                        .withoutSpacesInObjectEntries());
                json.writeStartObject();
                json.writeStringField("encoding", ChainedEvent.ENCODING);
                json.writeArrayFieldStart("segments");
                for (Segment segment : segments) {
                    json.writeStartObject();
                    json.writeNumberField("previousSeq", segment.previousSeq());
                    json.writeStringField("previousHash", segment.previousHash());
                    json.writeNumberField("endSeq", segment.endSeq());
                    json.writeArrayFieldStart("entries");
                    written += entries(segment, inScope, json);
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            return written;
        });
    }

    private long entries(Segment segment, long[] inScope, JsonGenerator json) throws IOException {
        long written = 0;
        long after = segment.previousSeq();
        while (after < segment.endSeq()) {
            List<ChainEntry> page = chain.entriesAfter(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (ChainEntry entry : page) {
                if (entry.seq() > segment.endSeq()) {
                    break;
                }
                json.writeStartObject();
                json.writeNumberField("seq", entry.seq());
                json.writeStringField("entryHash", entry.entryHash());
                json.writeStringField("chainHash", entry.chainHash());
                if (Arrays.binarySearch(inScope, entry.seq()) >= 0 && entry.event() != null) {
                    json.writeObjectField("event", entry.event());
                }
                json.writeEndObject();
                written++;
            }
            after = page.get(page.size() - 1).seq();
        }
        return written;
    }

    /** The checkpoints that sign the slices, with their time-stamps where there are. */
    ArrayNode checkpoints(List<Segment> segments) {
        ArrayNode list = BundleWriter.JSON.createArrayNode();
        for (Segment segment : segments) {
            for (Checkpoint checkpoint : checkpoints.between(segment.previousSeq(), segment.endSeq())) {
                ObjectNode node = list.addObject()
                        .put("id", checkpoint.id())
                        .put("seq", checkpoint.seq())
                        .put("chainHash", checkpoint.chainHash())
                        .put("signedAt", ChainedEvent.time(checkpoint.signedAt()))
                        .put("signerCertificate", checkpoint.signerCertificate())
                        .put("statement", checkpoint.statement());
                if (checkpoint.anchor() != null) {
                    node.putObject("timeStamp")
                            .put("tsa", checkpoint.anchor().tsa())
                            .put("stampedAt", checkpoint.anchor().stampedAt().toString())
                            .put("token", checkpoint.anchor().token());
                }
            }
        }
        return list;
    }
}
