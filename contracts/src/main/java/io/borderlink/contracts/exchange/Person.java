package io.borderlink.contracts.exchange;

import java.util.List;
import java.util.Objects;

/** A person. Nationalities are ICAO 9303 codes, so {@code D<<} and {@code XXA} are valid. */
public record Person(
        String id,
        String surname,
        String givenNames,
        String nameInOriginalScript,
        List<String> aliases,
        PartialDate dateOfBirth,
        Sex sex,
        List<String> nationalities,
        String placeOfBirth,
        List<TravelDocument> documents)
        implements Subject {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(surname, "surname");
        aliases = Lists.copy(aliases);
        Objects.requireNonNull(sex, "sex");
        nationalities = Lists.copy(nationalities);
        documents = Lists.copy(documents);
    }

    public Person withDateOfBirth(PartialDate dateOfBirth) {
        return new Person(
                id,
                surname,
                givenNames,
                nameInOriginalScript,
                aliases,
                dateOfBirth,
                sex,
                nationalities,
                placeOfBirth,
                documents);
    }
}
