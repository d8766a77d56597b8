package io.borderlink.routes.filedrop;

import org.apache.camel.Expression;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * A dropped file the gateway opened, as the import route reads it: the verified document it carries goes on
 * to the inbound accept route. Read through this type rather than {@code ${body.verified}}, which Camel
 * evaluates by building a bean expression per message, cached under the body itself.
 */
public interface OpenedFile {

    Object verified();

    static Expression verifiedDocument() {
        return ExpressionBuilder.bodyExpression(OpenedFile.class, OpenedFile::verified);
    }
}
