package dev.mamori.request.service;

import dev.mamori.platform.problem.ProblemException;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RequestType;
import dev.mamori.request.RequesterRelation;
import dev.mamori.request.StopGround;
import dev.mamori.request.service.RequestIntake.Agent;
import dev.mamori.request.service.RequestIntake.Contact;
import dev.mamori.request.service.RequestIntake.Correction;
import dev.mamori.request.service.RequestIntake.Requester;

/**
 * What each type of request needs from the one who makes it, however it arrives (taken in by staff or a client
 * system, {@link RequestIntake}, or filed online by the requester, {@link OnlineFilingForm}): a way to notify the
 * result, the Art. 35 ground, the Art. 34 correction, the Art. 33 delivery method and the Art. 37(3) agent.
 */
public final class IntakeRules {

    private IntakeRules() {}

    /**
     * Checks the type-specific parts of a request; each refusal names the field to fix. {@code requester} must be
     * present (Bean Validation says so first).
     */
    public static void check(
            RequestType type,
            Requester requester,
            Agent agent,
            DeliveryMethod deliveryMethod,
            StopGround ground,
            Correction correction) {
        if (requester.contact().isEmpty()) {
            throw ProblemException.invalidField(
                    "requester.contact",
                    "must give at least one of email, phone or postalAddress: the result must be notified "
                            + "to the requester");
        }
        // Art. 35: the person grounds the request in one of the article's triggers.
        if (type.takesGround() && ground == null) {
            throw ProblemException.unprocessable(
                    "ground-required",
                    "Ground required",
                    "ground",
                    type + " must state its Art. 35 ground: " + type.allowedGrounds());
        }
        if (!type.takesGround() && ground != null) {
            throw ProblemException.unprocessable(
                    "ground-not-applicable",
                    "Ground not applicable",
                    "ground",
                    "only USE_STOP, ERASURE and PROVISION_STOP take an Art. 35 ground");
        }
        if (type.takesGround() && !type.allowedGrounds().contains(ground)) {
            throw ProblemException.unprocessable(
                    "ground-not-applicable",
                    "Ground not applicable",
                    "ground",
                    ground + " does not ground " + type + "; Art. 35 allows " + type.allowedGrounds());
        }
        // Art. 34: a correction says what is untrue.
        if (type.takesCorrection() && correction == null) {
            throw ProblemException.unprocessable(
                    "correction-required",
                    "Correction details required",
                    "correction",
                    "CORRECTION must say which data item is untrue and how (Art. 34(1))");
        }
        if (!type.takesCorrection() && correction != null) {
            throw ProblemException.unprocessable(
                    "correction-not-applicable",
                    "Correction not applicable",
                    "correction",
                    "only CORRECTION takes correction details");
        }
        // Art. 33(1), (5): disclosure by the method the person chose.
        if (type.takesDeliveryMethod() && deliveryMethod == null) {
            throw ProblemException.unprocessable(
                    "delivery-method-required",
                    "Delivery method required",
                    "deliveryMethod",
                    type + " must state how the person wants the data: ELECTRONIC or PAPER " + "(Art. 33(1))");
        }
        if (!type.takesDeliveryMethod() && deliveryMethod != null) {
            throw ProblemException.unprocessable(
                    "delivery-method-not-applicable",
                    "Delivery method not applicable",
                    "deliveryMethod",
                    "only DISCLOSURE and PROVISION_RECORD_DISCLOSURE take a delivery method");
        }
        Contact contact = requester.contact();
        if (deliveryMethod == DeliveryMethod.ELECTRONIC && blank(contact.email())) {
            throw ProblemException.unprocessable(
                    "delivery-contact-required",
                    "No address for the delivery",
                    "requester.contact.email",
                    "ELECTRONIC delivery needs the requester's email");
        }
        if (deliveryMethod == DeliveryMethod.PAPER && blank(contact.postalAddress())) {
            throw ProblemException.unprocessable(
                    "delivery-contact-required",
                    "No address for the delivery",
                    "requester.contact.postalAddress",
                    "PAPER delivery needs the requester's postal address");
        }
        // Art. 37(3): an agent is either a statutory representative or an appointed agent, and must show it.
        RequesterRelation relation = requester.relation();
        if (relation != RequesterRelation.SELF && agent == null) {
            throw ProblemException.unprocessable(
                    "agent-required",
                    "Agent details required",
                    "agent",
                    "a requester who is a " + relation + " must state the agent type and the evidence of agency "
                            + "(Art. 37(3))");
        }
        if (relation == RequesterRelation.SELF && agent != null) {
            throw ProblemException.unprocessable(
                    "agent-not-applicable",
                    "Agent not applicable",
                    "agent",
                    "the requester is the person (SELF); agent details belong to a STATUTORY_AGENT or APPOINTED_AGENT");
        }
        if (agent != null && agent.type().relation() != relation) {
            throw ProblemException.unprocessable(
                    "agent-type-mismatch",
                    "Agent type does not fit the relation",
                    "agent.type",
                    agent.type() + " is a " + agent.type().relation() + ", but the " + "requester is a " + relation);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
