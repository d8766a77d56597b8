package io.borderlink.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what any request may make the gateway read, beyond the document limit of the intake
 * ({@code borderlink.intake.max-document-size}).
 *
 * @param maxOtherBody the largest body of a request that carries no document (a decision, a reason, a
 *     console form): these are a few hundred bytes, so anything near this is an attack on the heap
 * @param soapElementCount CXF's StAX reader: elements in one SOAP message; unbounded before CXF 4.1.9
 *     (CVE-2026-108039), so it is set here whatever CXF's default
 * @param soapCharacters CXF's StAX reader: characters in one SOAP message, bounded for the same reason
 * @param soapElementDepth CXF's StAX reader: nesting; an exchange is a few levels deep
 * @param soapChildElements CXF's StAX reader: children of one element
 * @param soapAttributeCount CXF's StAX reader: attributes on one element
 * @param soapAttributeSize CXF's StAX reader: the length of one attribute value
 * @param soapTextLength CXF's StAX reader: one text node; a base64 CipherValue of a whole document is the
 *     longest legitimate one, so this is the document limit plus its base64 growth
 * @param jsonStringLength Jackson: the longest JSON string read from a request or a partner
 * @param jsonNestingDepth Jackson: how deep JSON objects and arrays may nest
 * @param jsonNumberLength Jackson: digits in one number (huge numbers cost quadratic time to parse)
 */
@ConfigurationProperties("borderlink.web")
public record WebLimits(
        @DefaultValue("64KB") DataSize maxOtherBody,
        @DefaultValue("100000") int soapElementCount,
        @DefaultValue("4000000") long soapCharacters,
        @DefaultValue("100") int soapElementDepth,
        @DefaultValue("10000") int soapChildElements,
        @DefaultValue("100") int soapAttributeCount,
        @DefaultValue("65536") int soapAttributeSize,
        @DefaultValue("2000000") int soapTextLength,
        @DefaultValue("2000000") int jsonStringLength,
        @DefaultValue("64") int jsonNestingDepth,
        @DefaultValue("100") int jsonNumberLength) {}
