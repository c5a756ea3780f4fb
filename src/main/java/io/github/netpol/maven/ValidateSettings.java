package io.github.netpol.maven;

import io.github.netpol.validate.lint.LintSettings;

/** The {@code validate} goal's configuration: the shared parameters and everything about linting. */
record ValidateSettings(CommonSettings common, LintSettings lint) implements GoalSettings {
}
