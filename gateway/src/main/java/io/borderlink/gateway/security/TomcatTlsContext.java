package io.borderlink.gateway.security;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * A JSSE context built by the gateway, in the shape Tomcat takes one ready-made: Tomcat's own adapter is not
 * public. Already initialised, so Tomcat's call to {@link #init} never comes; protocols, ciphers and whether
 * a client certificate is wanted or needed stay Tomcat's, from Spring Boot's settings.
 */
final class TomcatTlsContext implements org.apache.tomcat.util.net.SSLContext {

    private final SSLContext context;
    private final KeyManager[] keys;
    private final TrustManager[] trust;

    TomcatTlsContext(SSLContext context, KeyManager[] keys, TrustManager[] trust) {
        this.context = context;
        this.keys = keys.clone();
        this.trust = trust.clone();
    }

    @Override
    public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom random) {
        throw new IllegalStateException("the gateway's TLS context is initialised when it is built");
    }

    @Override
    public void destroy() {
        // Nothing of its own to release: the JSSE context is garbage like any object.
    }

    @Override
    public SSLSessionContext getServerSessionContext() {
        return context.getServerSessionContext();
    }

    @Override
    public SSLEngine createSSLEngine() {
        return context.createSSLEngine();
    }

    @Override
    public SSLServerSocketFactory getServerSocketFactory() {
        return context.getServerSocketFactory();
    }

    @Override
    public SSLParameters getSupportedSSLParameters() {
        return context.getSupportedSSLParameters();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        for (KeyManager key : keys) {
            if (key instanceof X509KeyManager x509) {
                X509Certificate[] chain = x509.getCertificateChain(alias);
                if (chain != null) {
                    return chain;
                }
            }
        }
        return null;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        Set<X509Certificate> issuers = new LinkedHashSet<>();
        for (TrustManager manager : trust) {
            if (manager instanceof X509TrustManager x509) {
                issuers.addAll(Arrays.asList(x509.getAcceptedIssuers()));
            }
        }
        return issuers.toArray(X509Certificate[]::new);
    }
}
