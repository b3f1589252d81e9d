package org.lede.user;

/** Secrets the server makes for itself, kept where every server of one newsroom finds them. */
public interface SecretStore {
    /** The secret of this name, made and stored on first use. */
    String secret(String name);
}
