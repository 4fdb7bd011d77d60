package dev.mamori.center.client;

import java.util.List;

/** A page of a service's list answer (the platform's Page). */
public record PageOf<T>(List<T> items, String next) {}
