package dev.mamori.console.web;

import jakarta.enterprise.context.ApplicationScoped;

/** Checks a posted form's token before the console calls any service for it. */
@ApplicationScoped
public class FormGuard {

    private final Csrf csrf;
    private final Staff staff;

    public FormGuard(Csrf csrf, Staff staff) {
        this.csrf = csrf;
        this.staff = staff;
    }

    public void check(String presented) {
        if (!csrf.valid(staff.session(), presented)) {
            throw new Refused("error.csrf");
        }
    }
}
