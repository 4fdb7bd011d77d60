package dev.mamori.web;

import java.time.ZoneId;

/**
 * The suite counts days in Japan (platform JapanTime, "Asia/Tokyo"), and the pages show every instant there too. The
 * front ends do not depend on platform/ (it carries the services' storage stack), hence this constant of their own.
 */
public final class JapanTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private JapanTime() {}
}
