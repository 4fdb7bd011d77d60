package dev.mamori.request.service;

import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import java.time.LocalDate;
import java.util.List;

/** Filters of a request search; empty lists and nulls do not filter. */
public record RequestSearch(
        List<RequestStatus> statuses,
        List<RequestType> types,
        String subjectRef,
        String externalId,
        Boolean overdue,
        LocalDate dueBy,
        Order order) {

    /** How the results are ordered. */
    public enum Order {
        /** Oldest arrival first (the default: the order the requests came in). */
        RECEIVED,
        /** Most urgent first: open requests by due date, then the closed ones; a worklist's order. */
        DUE
    }

    public RequestSearch(
            List<RequestStatus> statuses,
            List<RequestType> types,
            String subjectRef,
            String externalId,
            Boolean overdue) {
        this(statuses, types, subjectRef, externalId, overdue, null, Order.RECEIVED);
    }

    public RequestSearch {
        order = order == null ? Order.RECEIVED : order;
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        types = types == null ? List.of() : List.copyOf(types);
    }
}
