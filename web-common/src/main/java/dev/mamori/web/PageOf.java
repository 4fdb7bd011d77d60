package dev.mamori.web;

import java.util.List;

/** A page of a service's list answer (the platform's Page), as the front ends' REST clients read it. */
public record PageOf<T>(List<T> items, String next) {}
