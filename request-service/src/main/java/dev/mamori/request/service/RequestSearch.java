package dev.mamori.request.service;

import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import java.util.List;

/** Filters of a request search; empty lists and nulls do not filter. */
public record RequestSearch(
        List<RequestStatus> statuses, List<RequestType> types, String subjectRef, String externalId, Boolean overdue) {

    public RequestSearch {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        types = types == null ? List.of() : List.copyOf(types);
    }
}
