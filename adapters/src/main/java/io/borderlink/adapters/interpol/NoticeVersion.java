package io.borderlink.adapters.interpol;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;
import java.util.UUID;

/**
 * One version of one notice: the gateway stores {@code (entityId, digest)} and skips a notice whose
 * pair it has already seen; a known entity id with a new digest is an update.
 *
 * @param entityId the notice's {@code entity_id}, {@code YYYY/NNNNN}: the external key
 * @param noticeType {@link NoticeType#code()}: red, yellow or un
 * @param digest lower-case hex SHA-256 of the canonicalised detail JSON (sorted keys, no white space,
 *     without {@code _links} and {@code _embedded})
 */
public record NoticeVersion(String entityId, String noticeType, String digest) {

    public NoticeVersion {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(noticeType, "noticeType");
        Objects.requireNonNull(digest, "digest");
    }

    /** The id in the API's URLs: {@code 2019/12345} → {@code 2019-12345}. */
    public String urlId() {
        return entityId.replace('/', '-');
    }

    /** The same for every poll of this version, different for every other version, so re-polling adds nothing. */
    public UUID exchangeId() {
        return UUID.nameUUIDFromBytes(("INTERPOL/" + entityId + "/" + digest).getBytes(UTF_8));
    }

    /** The exchange saying this version is no longer published; the same however often the withdrawal is seen. */
    public UUID withdrawalId() {
        return UUID.nameUUIDFromBytes(("INTERPOL/" + entityId + "/" + digest + "/withdrawn").getBytes(UTF_8));
    }

    /** This version delivered again after its withdrawal {@code withdrawalId}: once for each return. */
    public UUID republicationId(UUID withdrawalId) {
        return UUID.nameUUIDFromBytes(
                ("INTERPOL/" + entityId + "/" + digest + "/after/" + withdrawalId).getBytes(UTF_8));
    }

    /**
     * The same for every version of the notice, so an update is linked to the exchanges of the
     * earlier versions without the mapper having to remember them.
     */
    public UUID correlationId() {
        return UUID.nameUUIDFromBytes(("INTERPOL/" + entityId).getBytes(UTF_8));
    }
}
