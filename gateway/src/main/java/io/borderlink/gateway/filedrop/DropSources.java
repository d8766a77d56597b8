package io.borderlink.gateway.filedrop;

import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.partner.Partners;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every partner and agency whose transport is a file drop, as the configuration in force says. */
@Component
public class DropSources {

    private final Partners partners;
    private final Agencies agencies;

    DropSources(Partners partners, Agencies agencies) {
        this.partners = partners;
        this.agencies = agencies;
    }

    public List<DropSource> all() {
        List<DropSource> sources = new ArrayList<>();
        PartnerDirectory partnersInForce = partners.current();
        for (Partner partner : partnersInForce.all()) {
            if (partner.transport().fileDrop()) {
                X509Certificate registered = partnersInForce
                        .certificateFiles()
                        .certificate(partner.certificate())
                        .orElseThrow();
                sources.add(new DropSource(partner.id(), partner.transport(), partner, null, List.of(registered)));
            }
        }
        AgencyDirectory agenciesInForce = agencies.current();
        for (Agency agency : agenciesInForce.all()) {
            if (agency.inbound() != null && agency.inbound().transport().fileDrop()) {
                List<X509Certificate> registered = agency.certificates().stream()
                        .map(file -> agenciesInForce
                                .certificateFiles()
                                .certificate(file)
                                .orElseThrow())
                        .toList();
                sources.add(new DropSource(agency.id(), agency.inbound().transport(), null, agency, registered));
            }
        }
        return sources;
    }

    public Optional<DropSource> find(String id) {
        return all().stream().filter(source -> source.id().equals(id)).findFirst();
    }
}
