package io.borderlink.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One writer per table ("one owner for each thing that changes"), checked on the compiled production
 * code of all modules. ArchUnit does not see SQL, so this reads the string constants
 * of every class file and looks for INSERT INTO, UPDATE and DELETE FROM the table.
 */
class TableOwnershipTest {

    private static final JavaClasses BORDERLINK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.borderlink");

    /** Each table and the one class that may write it; everyone else calls that class. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("share", "io.borderlink.gateway.share.Shares"),
            Map.entry("approval", "io.borderlink.gateway.approval.ApprovalRecords"),
            Map.entry("exchange", "io.borderlink.gateway.exchange.ExchangeStore"),
            Map.entry("evidence", "io.borderlink.gateway.exchange.EvidenceStore"),
            Map.entry("audit_event", "io.borderlink.gateway.audit.JdbcAuditTrail"),
            Map.entry("exchange_key", "io.borderlink.gateway.exchange.DataKeys"),
            Map.entry("exchange_purge", "io.borderlink.gateway.retention.Purges"),
            Map.entry("legal_hold", "io.borderlink.gateway.retention.LegalHolds"),
            Map.entry("drop_export", "io.borderlink.gateway.filedrop.DropLedger"),
            Map.entry("drop_import", "io.borderlink.gateway.filedrop.DropLedger"),
            Map.entry("drop_announced", "io.borderlink.gateway.filedrop.DropLedger"));

    static List<String> tables() {
        return OWNERS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void onlyItsOwnerWritesTheTable(String table) {
        String owner = OWNERS.get(table);
        Pattern writes =
                Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+" + Pattern.quote(table) + "\\b");
        List<String> writers = new ArrayList<>();
        for (JavaClass javaClass : BORDERLINK) {
            if (constants(javaClass).stream()
                    .anyMatch(text -> writes.matcher(text).find())) {
                writers.add(javaClass.getName());
            }
        }

        assertThat(writers)
                .as("only %s may write the %s table; the others must call it: %s", owner, table, writers)
                .allMatch(writer -> writer.equals(owner) || writer.startsWith(owner + "$"));
        assertThat(writers).as("%s writes the %s table", owner, table).contains(owner);
    }

    /** The UTF-8 entries of the class file's constant pool: its string literals among them. */
    private static List<String> constants(JavaClass javaClass) {
        Source source = javaClass.getSource().orElseThrow();
        try (InputStream in = source.getUri().toURL().openStream();
                DataInputStream classFile = new DataInputStream(in)) {
            classFile.readInt(); // magic
            classFile.readUnsignedShort(); // minor version
            classFile.readUnsignedShort(); // major version
            int count = classFile.readUnsignedShort();
            List<String> texts = new ArrayList<>();
            for (int index = 1; index < count; index++) {
                int tag = classFile.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(classFile.readUTF());
                    case 7, 8, 16, 19, 20 -> classFile.skipBytes(2);
                    case 15 -> classFile.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> classFile.skipBytes(4);
                    case 5, 6 -> {
                        classFile.skipBytes(8);
                        index++; // a long or double takes two entries
                    }
                    default ->
                        throw new IllegalStateException(
                                "unknown constant pool tag " + tag + " in " + javaClass.getName());
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.getUri(), e);
        }
    }
}
