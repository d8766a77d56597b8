package io.borderlink.gateway.filedrop;

import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every partner and agency whose transport is a file drop, as the configuration in force says. */
@Component
public class DropSources {

    private final Partners partners;
    private final AgencyDirectory agencies;

    DropSources(Partners partners, AgencyDirectory agencies) {
        this.partners = partners;
        this.agencies = agencies;
    }

    public List<DropSource> all() {
        List<DropSource> sources = new ArrayList<>();
        for (Partner partner : partners.current().all()) {
            if (partner.transport().fileDrop()) {
                sources.add(new DropSource(partner.id(), partner.transport(), partner, null));
            }
        }
        for (Agency agency : agencies.all()) {
            if (agency.inbound() != null && agency.inbound().transport().fileDrop()) {
                sources.add(new DropSource(agency.id(), agency.inbound().transport(), null, agency));
            }
        }
        return sources;
    }

    public Optional<DropSource> find(String id) {
        return all().stream().filter(source -> source.id().equals(id)).findFirst();
    }
}
