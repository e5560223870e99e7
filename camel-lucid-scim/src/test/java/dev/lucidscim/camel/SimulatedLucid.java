package dev.lucidscim.camel;

import dev.lucidscim.simulator.LucidScimSimulator;

/** Test wiring: a lucid-scim component pointed at a running simulator. */
public final class SimulatedLucid {

    private SimulatedLucid() {
    }

    public static LucidScimComponent component(LucidScimSimulator lucid) {
        LucidScimComponent component = new LucidScimComponent();
        component.getConfiguration().setTenantUrl(lucid.baseUrl());
        component.getConfiguration().setBearerToken(lucid.token());
        return component;
    }
}
