package dev.lucidscim.examples.springboot.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signatures accepted while their timestamps are still within the tolerance, so that a captured request cannot be
 * sent again inside that window either. Only verified signatures are kept, so only the HR system's own traffic fills
 * it, and each is dropped once its timestamp is too old to be accepted anyway. One instance's memory: replicas behind
 * a load balancer each keep their own.
 */
final class SeenSignatures {

    private final Map<String, Long> expiryBySignature = new ConcurrentHashMap<>();

    /** True the first time a signature is seen; false for a replay. Times are epoch seconds. */
    boolean firstUse(String signature, long expiresAt, long now) {
        expiryBySignature.values().removeIf(expiry -> expiry < now);
        return expiryBySignature.putIfAbsent(signature, expiresAt) == null;
    }
}
