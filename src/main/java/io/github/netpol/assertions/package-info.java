/**
 * Connectivity assertions (the {@code test} goal): statements such as "the storefront reaches the API
 * on 8080" or "nothing in a dev namespace reaches payments", read from {@code src/test/netpol} and
 * proved or refuted against the symbolic analysis, with a counterexample connection and the policies
 * that decide it. Sits between {@code analysis} (which it uses) and {@code diff}.
 */
package io.github.netpol.assertions;
