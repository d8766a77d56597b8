package io.borderlink.gateway.pki;

import io.borderlink.crypto.CertificateValidator;

/**
 * Whom the gateway trusts, one validator per trust domain: agency systems chain to the national root
 * through the agency CA, people through the staff CA. Keeping them apart means a person's certificate
 * can never pass for an agency's, nor the other way round.
 */
public record Trust(CertificateValidator agencies, CertificateValidator people) {}
