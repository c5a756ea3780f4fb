package io.github.netpol.maven;

/**
 * A goal's configuration as one value: every parameter of the goal, parsed and checked, in a record. The goal
 * works from it, and the digest of its inputs is made from all of it ({@link InputDigest#settings(GoalSettings)}),
 * so a parameter added to the goal's value cannot be left out of the decision to skip a run.
 */
interface GoalSettings {

    /** The parameters every goal shares. */
    CommonSettings common();
}
