package io.borderlink.adapters.wco;

import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.contracts.exchange.Exchange;
import java.time.Instant;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;

/**
 * Translates between the canonical exchange and the WCO enforcement message
 * (contracts/xsd/wco-enforcement-v1.xsd): CEN-style seizure reports and customs risk alerts for
 * WCO-RILO.
 *
 * <p>Outbound, the message is non-nominal whatever the partner view holds, because the global CEN
 * holds no personal names (docs/partner-formats.md, WCO):
 *
 * <ul>
 *   <li>Persons and vehicles are never written, nor any association that involves them.
 *   <li>The declarant and every party are left out. The canonical model holds a party as a role and
 *       a free-text name, and nothing tells a company ("Dornod Khuns Trade LLC") from a private
 *       importer or a sole trader under their own name; a whitelist of "organisation roles" would
 *       not help, since a consignee or carrier can be a natural person. So no party goes out until
 *       the model carries an organisation identifier (EORI, TIN) to send instead of a name.
 *   <li>Every name the exchange holds (persons, declarants, parties, a human source and handler) is
 *       replaced by {@value WithheldNames#MARK} in the free text that is written ({@link
 *       WithheldNames}).
 *   <li>A location is written when it is linked to a consignment, or linked to no person and no
 *       vehicle; a place that only locates a person or a vehicle (an address, a sighting) stays home.
 *   <li>The narrative goes out only as a risk alert's risk indicators; a seizure is the CEN's
 *       structured fields, since the case narrative is where people are described.
 *   <li>Source details, internal notes, purpose, addressees, releasability and foreign markings are
 *       never written. Source references are written only when they are declaration references:
 *       system {@value #MRN}, {@value #LRN} or {@value #UCR}.
 * </ul>
 *
 * <p>WILDLIFE_TRAFFICKING goes out as a SEIZURE whose goods without a commodity category get
 * {@value #WILDLIFE_COMMODITY}. Countries become ISO 3166-1 alpha-2; classification maps to the level
 * as UNCLASSIFIED → FOR_OFFICIAL_USE, the others to the level of the same name.
 *
 * <p>Inbound, the originator is the authenticated partner, the addressees are empty (inbound policy
 * routes), the purpose is {@value #INBOUND_PURPOSE}, nothing is releasable abroad, and the level is
 * kept verbatim as the foreign marking. A SEIZURE becomes a SEIZURE_REPORT, a RISK_ALERT a
 * CUSTOMS_RISK_ALERT. The narrative is the risk indicators of an alert, followed by its goods items
 * (suspected, not seized, so they are no seized goods), or a summary built from the fields of a
 * seizure, which has no free text of its own.
 *
 * <p>This class is the entry point; each direction has a class of its own ({@code
 * EnforcementMessageWriter}, {@code EnforcementMessageReader}), beside the received narrative ({@code
 * ReceivedNarrative}) and the tables both directions share ({@code MessageType}, {@code Declarations}).
 */
public final class WcoTranslator {

    public static final String NAMESPACE = "urn:borderlink:partner:wco:1";
    public static final String SCHEMA = "/xsd/wco-enforcement-v1.xsd";
    /** The element the gateway encrypts; the header stays readable for routing at the receiver. */
    public static final QName REPORT = new QName(NAMESPACE, "Report");

    public static final String INBOUND_PURPOSE = "WCO_RILO_ALERT";

    /** The source-reference system of a declaration's MRN, written as Declaration/ID. */
    public static final String MRN = "MRN";
    /** The source-reference system of a declarant's LRN, written as Declaration/FunctionalReferenceID. */
    public static final String LRN = "LRN";
    /** The source-reference system of a UCR, written as Declaration/UCR/TraderAssignedReferenceID. */
    public static final String UCR = "UCR";

    /** The CEN commodity category of a wildlife seizure's goods, when the agency gave none. */
    public static final String WILDLIFE_COMMODITY = "CITES";

    private final String gatewayId;

    public WcoTranslator(GatewayIdentity identity) {
        this.gatewayId = identity.id();
    }

    /** An unsigned, unencrypted message; the gateway signs it and encrypts {@link #REPORT}. */
    public Document toWco(Exchange partnerView, UUID messageId, String recipientPartnerId, Instant created) {
        return EnforcementMessageWriter.write(partnerView, messageId, gatewayId, recipientPartnerId, created);
    }

    /**
     * Reads a decrypted enforcement message received from {@code senderPartnerId}, after validating it
     * against {@link #SCHEMA}. The message must claim to come from that partner and be addressed to
     * Borderlink.
     */
    public Exchange fromWco(Document enforcementMessage, String senderPartnerId, UUID exchangeId) {
        return EnforcementMessageReader.read(enforcementMessage, senderPartnerId, gatewayId, exchangeId);
    }
}
