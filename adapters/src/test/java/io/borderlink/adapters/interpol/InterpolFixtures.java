package io.borderlink.adapters.interpol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Named notices from {@code src/test/resources/interpol/}, as the API would answer them. */
final class InterpolFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InterpolFixtures() {}

    /** Red, Mongolian, two warrants (MN with CRLF in the charge, RU with a translation), full description. */
    static byte[] ochirbatWantedByMongoliaAndRussia() {
        return bytes("red-detail-2019-12345.json");
    }

    /** Red, forename "-", birth date 1987/04, height and weight 0, null arrays. */
    static byte[] wangWithoutForenameAndPartialBirthDate() {
        return bytes("red-detail-2021-40417.json");
    }

    /** Red, female, unknown weight, hair code BROH. */
    static byte[] kuznetsovaWantedByRussia() {
        return bytes("red-detail-2022-28731.json");
    }

    /** Red, birth year only, two nationalities. */
    static byte[] zhumabekovWithTwoNationalities() {
        return bytes("red-detail-2023-51608.json");
    }

    /** Yellow, a minor missing at Zamyn-Üüd, with parents' names. */
    static byte[] gantulgaMissingAtZamynUud() {
        return bytes("yellow-detail-2024-17342.json");
    }

    /** UN person notice, resolution 1718, original script and aliases. */
    static byte[] riUnderUnSanctions() {
        return bytes("un-persons-detail-2016-33017.json");
    }

    static byte[] bytes(String name) {
        try (InputStream in = InterpolFixtures.class.getResourceAsStream("/interpol/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notice with {@code change} applied, as compact JSON. */
    static byte[] edited(byte[] notice, Consumer<ObjectNode> change) {
        ObjectNode tree = (ObjectNode) tree(notice);
        change.accept(tree);
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schema() {
        try (InputStream in = InterpolFixtures.class.getResourceAsStream(NoticeWriter.SCHEMA)) {
            assertThat(in).as(NoticeWriter.SCHEMA).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Exchange sample(Category category) {
        return ExchangeXml.read(SecureXml.parse(Samples.byCategory(category)));
    }
}
