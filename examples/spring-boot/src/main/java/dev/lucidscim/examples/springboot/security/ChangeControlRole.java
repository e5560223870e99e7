package dev.lucidscim.examples.springboot.security;

import org.springframework.security.core.Authentication;

/** What a person may do on the change-control page. */
public enum ChangeControlRole {
    /** Sees the runs, their ledger and the pending plans. */
    VIEWER,
    /** Sees what a viewer sees, and approves or rejects pending plans and reverts runs. */
    APPROVER;

    /** The authority Spring Security checks ({@code hasRole}). */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isGrantedTo(Authentication person) {
        return person != null && person.getAuthorities().stream()
                .anyMatch(granted -> authority().equals(granted.getAuthority()));
    }
}
