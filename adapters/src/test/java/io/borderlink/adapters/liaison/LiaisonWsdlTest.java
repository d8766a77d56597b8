package io.borderlink.adapters.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.ws.Service;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** CXF builds the Deliver service from contracts/wsdl/liaison.wsdl, including its imported schema. */
class LiaisonWsdlTest {

    private static final String NAMESPACE = "urn:borderlink:partner:liaison:service:1";

    @Test
    void cxfReadsTheLiaisonServiceFromTheClasspath() {
        URL wsdl = LiaisonWsdlTest.class.getResource("/wsdl/liaison.wsdl");

        Service service = Service.create(wsdl, new QName(NAMESPACE, "LiaisonService"));

        assertThat(ports(service)).containsExactly(new QName(NAMESPACE, "LiaisonPort"));
    }

    private static List<QName> ports(Service service) {
        List<QName> ports = new ArrayList<>();
        service.getPorts().forEachRemaining(ports::add);
        return ports;
    }
}
