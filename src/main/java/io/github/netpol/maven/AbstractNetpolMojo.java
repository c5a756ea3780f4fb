package io.github.netpol.maven;

import io.github.netpol.finding.Finding;
import io.github.netpol.load.ParseStore;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.validate.apiserver.CrdChannel;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceEnvironments;
import io.github.netpol.load.YamlLimits;
import io.github.netpol.model.KubernetesKinds;
import io.github.netpol.render.RenderException;
import io.github.netpol.render.RenderSpec;
import io.github.netpol.render.RenderedEnvironment;
import io.github.netpol.render.Renderer;
import io.github.netpol.validate.apiserver.NameFormats;
import io.github.netpol.report.ConsoleLine;
import io.github.netpol.report.ReportInput;
import io.github.netpol.report.ReportPublisher;
import io.github.netpol.report.ReportWriter;
import io.github.netpol.report.ReportWriters;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Parameters and output shared by every goal: skip, sources, reports, default namespace. */
public abstract class AbstractNetpolMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The project base directory; finding paths are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Skip every netpol goal. */
    @Parameter(property = "netpol.skip", defaultValue = "false")
    protected boolean skip;

    /** Directories (read recursively) or files holding the manifests: {@code *.yaml}, {@code *.yml}, {@code *.json}. */
    @Parameter(property = "netpol.sources", defaultValue = "src/main/kubernetes")
    protected List<File> sources;

    /** Where reports are written. */
    @Parameter(property = "netpol.outputDirectory", defaultValue = "${project.build.directory}/netpol")
    protected File outputDirectory;

    /**
     * Reports to write: {@code console}, {@code json}, {@code markdown}, {@code sarif}, {@code junit}, {@code html};
     * by default {@code console,json,markdown,sarif}. The {@code connectivity} goal writes {@code console}, {@code txt},
     * {@code json}, {@code markdown}, {@code csv} and {@code dot}, by default all of them.
     */
    @Parameter(property = "netpol.formats")
    protected List<String> formats;

    /** Namespace of a namespaced object that names none. */
    @Parameter(property = "netpol.defaultNamespace", defaultValue = "default")
    protected String defaultNamespace;

    /**
     * The release channel of the Network Policy API CRDs the cluster runs: {@code standard} or {@code experimental}
     * (adds the nodes and domainNames peers and AdminNetworkPolicy named ports). ClusterNetworkPolicies,
     * AdminNetworkPolicies and BaselineAdminNetworkPolicies are validated against that channel's schema.
     */
    @Parameter(property = "netpol.networkPolicyApiChannel", defaultValue = "standard")
    protected String networkPolicyApiChannel;

    /** Run even when neither the sources, the baseline nor the configuration changed since the last successful run. */
    @Parameter(property = "netpol.force", defaultValue = "false")
    protected boolean force;

    /**
     * Keep parsed manifest files between builds, by the SHA-256 of their bytes, under
     * {@code .cache/netpol-maven-plugin/parsed} in the local repository, so that a file parsed before (an unchanged
     * policy, a baseline) is not parsed again. Entries are sealed and checked, the documents are validated on every
     * build, and the directory is safe to delete; {@code false} parses every file every time.
     */
    @Parameter(property = "netpol.parseCache", defaultValue = "true")
    protected boolean parseCache;

    /**
     * Environments made by rendering a Kustomize directory or a local Helm chart, each validated, analysed and gated
     * on its own: {@code <render><name>prod</name><path>overlays/prod</path></render>}; a chart also takes
     * {@code valuesFiles}, {@code set}, {@code releaseName} and {@code namespace}. A {@code netpol.sources} entry that
     * is a Kustomize directory or a chart is rendered too, named after its directory.
     */
    @Parameter
    protected List<RenderConfiguration> renders;

    /**
     * The Kustomize to run: a path or a name on the PATH. A {@code kubectl*} file runs as {@code kubectl kustomize},
     * anything else as {@code <file> build}. Unset: {@code kustomize} from the PATH, else {@code kubectl}.
     */
    @Parameter(property = "netpol.kustomize")
    protected String kustomize;

    /** Seconds one render may take before it is stopped and the build fails. */
    @Parameter(property = "netpol.renderTimeout", defaultValue = "60")
    protected String renderTimeout;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("netpol: skipped (netpol.skip=true)");
            return;
        }
        // bad values of the parameters every goal shares fail before any work, one line each
        CommonSettings common = commonSettings();
        if (aggregatorWithoutSources(common)) {
            return;
        }
        run();
    }

    /** Set on the project once one goal has said that it is an aggregator without sources. */
    private static final String AGGREGATOR_NOTED = "netpol.aggregatorWithoutSources";
    /** The parse cache's directory in the local repository. */
    static final String PARSE_CACHE = ".cache/netpol-maven-plugin/parsed";

    /**
     * A {@code pom}-packaged project with modules and none of the sources (the parent of a reactor, where a shared
     * plugin configuration is inherited by every module) has nothing to check: its goals do nothing and say so in one
     * line per project, at info level the first time and at debug level for its other goals, and attach nothing.
     */
    private boolean aggregatorWithoutSources(CommonSettings common) {
        if (project == null || !"pom".equals(project.getPackaging()) || project.getModules() == null
                || project.getModules().isEmpty()) {
            return false;
        }
        Path base = baseDirectory();
        if (common.sources().stream().anyMatch(p -> Files.exists(base.resolve(p)))
                || common.render().plan().renders().stream().anyMatch(r -> Files.exists(base.resolve(r.path())))) {
            return false;
        }
        String line = "netpol: " + project.getArtifactId() + " is an aggregator (pom packaging, modules) without "
                + common.sources().stream().map(p -> p.toString().replace('\\', '/')).toList()
                + ": nothing to check here; each module is checked on its own";
        if (project.getContextValue(AGGREGATOR_NOTED) == null) {
            project.setContextValue(AGGREGATOR_NOTED, Boolean.TRUE);
            getLog().info(line);
        } else {
            getLog().debug(line);
        }
        return true;
    }

    /** The parameters every goal shares, parsed and checked. */
    protected CommonSettings commonSettings() throws MojoExecutionException {
        Parameters.parse("netpol.formats", formats(), writers()::requireKnown);
        String namespace = Parameters.parse("netpol.defaultNamespace", defaultNamespace, ns -> {
            String problem = NameFormats.dns1123Label(ns == null ? "" : ns);
            if (problem != null) {
                throw new IllegalArgumentException("'" + ns + "' is not a namespace name; use a name that " + problem);
            }
            return ns;
        });
        CrdChannel channel = Parameters.parse("netpol.networkPolicyApiChannel", networkPolicyApiChannel,
                CrdChannel::parse);
        return new CommonSettings(sourcePaths(), outputDirectory.toPath().toAbsolutePath().normalize(), formats(),
                namespace, renderSettings(), channel);
    }

    private RenderSettings renderSettings() throws MojoExecutionException {
        List<RenderSpec> specs = new ArrayList<>();
        int i = 0;
        for (RenderConfiguration r : renders == null ? List.<RenderConfiguration>of() : renders) {
            String where = "renders[" + i++ + "]";
            if (r.getPath() == null || r.getPath().isBlank()) {
                throw new MojoExecutionException("netpol: " + where + ": every <render> needs a <path>: a Kustomize"
                        + " directory or a chart");
            }
            Path dir = baseDirectory().resolve(r.getPath().trim()).normalize();
            RenderSpec.Kind kind = r.getKind() == null ? detect(where, dir)
                    : Parameters.parse(where + ".kind", r.getKind(), k -> switch (Parameters.oneOf(k,
                    List.of("kustomize", "helm"), "a kind of render")) {
                        case "kustomize" -> RenderSpec.Kind.KUSTOMIZE;
                        default -> RenderSpec.Kind.HELM;
                    });
            String path = relativeToBase(List.of(dir.toFile())).get(0).toString().replace('\\', '/');
            specs.add(new RenderSpec(r.getName() == null ? RenderSpec.nameFor(path) : r.getName().trim(), kind,
                    path.isEmpty() ? "." : path, r.getValuesFiles(), r.getSet(), blankToNull(r.getReleaseName()),
                    blankToNull(r.getNamespace()), blankToNull(r.getLoadRestrictor())));
        }
        SourceEnvironments.Plan plan = Parameters.parse("renders", specs,
                s -> SourceEnvironments.plan(baseDirectory(), sourcePaths(), s));
        int timeout = Parameters.integer("netpol.renderTimeout", renderTimeout, 60);
        if (timeout < 1) {
            throw new MojoExecutionException("netpol: netpol.renderTimeout: '" + renderTimeout + "' is not a number of"
                    + " seconds; use 1 or more, e.g. 60");
        }
        return new RenderSettings(plan, blankToNull(kustomize), timeout);
    }

    private static RenderSpec.Kind detect(String where, Path dir) throws MojoExecutionException {
        RenderSpec.Kind kind = Parameters.parse(where + ".path", dir, RenderSpec::detect);
        if (kind == null) {
            throw new MojoExecutionException("netpol: " + where + ".path: " + dir + (java.nio.file.Files.isDirectory(dir)
                    ? " holds neither a kustomization file nor a Chart.yaml" : " is not a directory")
                    + "; point it at a Kustomize directory or a chart");
        }
        return kind;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * The environments of the build: the plain sources, and every Kustomize directory and chart rendered (or kept
     * from an earlier render with the same inputs). A render that fails fails the goal: nothing is read as it is
     * instead.
     */
    protected List<SourceEnvironment> environments(CommonSettings common) throws MojoExecutionException {
        SourceEnvironments reader = new SourceEnvironments(sourceCollector(), renderer(common), baseDirectory(),
                common.outputDirectory());
        List<SourceEnvironment> environments;
        try {
            environments = reader.read(common.render().plan());
        } catch (RenderException e) {
            throw new MojoExecutionException("netpol: " + e.getMessage(), e);
        }
        for (SourceEnvironment env : environments) {
            for (Path missing : env.sources().missing()) {
                refuseUngenerated(missing);
            }
            if (env.rendered() != null) {
                RenderedEnvironment r = env.rendered();
                getLog().info("netpol: environment " + r.name() + ": " + r.spec().path() + (r.reused()
                        ? " unchanged since it was rendered into " : " rendered by " + r.tool() + " into ")
                        + env.files().get(0).path());
                r.notes().forEach(note -> getLog().info("netpol: environment " + r.name() + ": " + note));
            }
        }
        return environments;
    }

    /**
     * A source inside the build directory is made by the build (JKube, Quarkus, Dekorate); when it is not there yet
     * the goal runs before the step that makes it, and passing with nothing read would let any policy through.
     */
    private void refuseUngenerated(Path missing) throws MojoExecutionException {
        if (inBuildDirectory(missing)) {
            throw new MojoExecutionException("netpol: source " + missing + " does not exist yet: it lies in the build"
                    + " directory, so an earlier step of the build generates it, and this goal ran before that step."
                    + " Bind the goal to a later phase: <phase>process-classes</phase> after Eclipse JKube's"
                    + " k8s:resource, <phase>verify</phase> after Quarkus's or Dekorate's generation in package; or"
                    + " remove the source.");
        }
    }

    /** Whether a source (relative to the base directory, or absolute) lies in the build directory ({@code target/}). */
    protected boolean inBuildDirectory(Path source) {
        if (project == null || project.getBuild() == null || project.getBuild().getDirectory() == null) {
            return false;
        }
        Path buildDir = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        return baseDirectory().resolve(source).normalize().startsWith(buildDir);
    }

    /** Renders Kustomize directories and charts as the goal's settings say, with inputs inside the project's root. */
    protected Renderer renderer(CommonSettings common) {
        return renderer(common, projectRoot());
    }

    /** The same, with inputs inside {@code root} (a baseline's copy of the project). */
    protected Renderer renderer(CommonSettings common, Path root) {
        Set<String> policyKinds = new TreeSet<>(Set.of("Namespace"));
        KubernetesKinds.table().stream().filter(k -> k.treatment() == KubernetesKinds.Treatment.ANALYSED
                || k.treatment() == KubernetesKinds.Treatment.FAIL_CLOSED).forEach(k -> policyKinds.add(k.kind()));
        return new Renderer(new Renderer.Options(common.render().kustomize(),
                Duration.ofSeconds(common.render().timeoutSeconds()), root, YamlLimits::options, policyKinds,
                System::getenv, common.defaultNamespace()));
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected Path baseDirectory() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /** The configured sources, relative to the base directory where they lie inside it. */
    protected List<Path> sourcePaths() {
        return relativeToBase(sources);
    }

    /** Configured files or directories, relative to the base directory where they lie inside it. */
    protected List<Path> relativeToBase(List<File> files) {
        Path base = baseDirectory();
        return files.stream().map(f -> base.resolve(f.toPath()).normalize())
                .map(p -> p.startsWith(base) ? base.relativize(p) : p).toList();
    }

    /** Prints the findings and the summary, and writes every requested file report. */
    protected void report(ReportInput reported) throws MojoExecutionException {
        try {
            publisher().publish(withModule(reported), this::log);
        } catch (ReportPublisher.WriteFailure e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    /** The report input named with the module that made it. */
    protected ReportInput withModule(ReportInput reported) {
        return project == null ? reported : reported.withModule(project.getArtifactId());
    }

    /** What prints the goal's findings and writes its reports. */
    protected ReportPublisher publisher() throws MojoExecutionException {
        return new ReportPublisher(selectedWriters(), outputDirectory.toPath(), onConsole(), this::onConsole);
    }

    /** Prints one console line of the core's at its level. */
    protected void log(ConsoleLine line) {
        switch (line.level()) {
            case ERROR -> getLog().error(line.text());
            case WARN -> getLog().warn(line.text());
            case INFO -> getLog().info(line.text());
            default -> getLog().debug(line.text());
        }
    }

    /** The file writers {@link #formats()} asks for, among the goal's {@link #writers()}. */
    protected List<ReportWriter> selectedWriters() throws MojoExecutionException {
        return Parameters.parse("netpol.formats", formats(), writers()::select);
    }

    /** Whether {@link #formats()} asks for console lines. */
    protected boolean onConsole() {
        return ReportWriters.console(formats());
    }

    /** The writers of the goal's reports, by format name. */
    protected ReportWriters writers() {
        return ReportWriters.standard(pluginVersion(), System::getenv);
    }

    /** The report formats to write: {@code netpol.formats}, or the goal's default; a goal may add the ones it always writes. */
    protected List<String> formats() {
        return formats == null || formats.isEmpty() ? defaultFormats() : formats;
    }

    /** What a goal writes when {@code netpol.formats} is not set. */
    protected List<String> defaultFormats() {
        return List.of("console", "json", "markdown", "sarif");
    }

    /** Whether a finding earns a console line; the rest go to the debug log (and every file report). */
    protected boolean onConsole(Finding finding) {
        return true;
    }

    /**
     * A digest of the goal's inputs, begun with the plugin's version and build, the goal's whole configuration and
     * where the project lies in its repository (reports name paths from there); the goal adds its files.
     */
    protected InputDigest inputDigest(String goal, GoalSettings settings) {
        return InputDigest.of(goal, pluginVersion()).text("pluginBuild", pluginBuild()).settings(settings)
                .text("repositoryPrefix", repositoryPrefix());
    }

    /** Where parsed files are kept between builds (see {@link #parseCache}), or null when they are not. */
    protected ParseStore parseStore() {
        Path directory = parseCache ? localCache(PARSE_CACHE) : null;
        return directory == null ? null : new ParseStore(directory, pluginIdentity());
    }

    /** A directory under the local repository (created by whoever writes there first), or null without one. */
    protected Path localCache(String relative) {
        if (session == null || session.getRepositorySession() == null
                || session.getRepositorySession().getLocalRepository() == null
                || session.getRepositorySession().getLocalRepository().getBasedir() == null) {
            return null;
        }
        return session.getRepositorySession().getLocalRepository().getBasedir().toPath().resolve(relative);
    }

    /** The plugin's version and build: what wrote a cache entry, which another build of the plugin does not read. */
    protected String pluginIdentity() {
        return pluginVersion() + " " + pluginBuild();
    }

    /** Size and time of the plugin's jar, so that a rebuilt SNAPSHOT of the plugin reruns with the same version. */
    private String pluginBuild() {
        try {
            var source = getClass().getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            return jar == null || !Files.isRegularFile(jar) ? "classes"
                    : Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return "unknown";
        }
    }

    /**
     * Whether the goal may skip its work: its inputs are those of its last successful run and
     * {@code netpol.force} is off. Otherwise the old record is dropped, so only a successful run
     * (see {@link #succeeded}) can bring it back.
     */
    protected boolean upToDate(String goal, String digest) throws MojoExecutionException {
        DigestRecord record = DigestRecord.of(outputDirectory.toPath(), goal);
        if (!force && record.matches(digest)) {
            getLog().info("netpol: " + goal + " up to date (inputs unchanged since the last successful run), skipped");
            return true;
        }
        try {
            record.forget();
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot delete " + record.file() + ": " + e.getMessage(), e);
        }
        return false;
    }

    /** Records the inputs of a successful run, so the next build with the same inputs can skip it. */
    protected void succeeded(String goal, String digest) throws MojoExecutionException {
        DigestRecord record = DigestRecord.of(outputDirectory.toPath(), goal);
        try {
            record.remember(digest);
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot write " + record.file() + ": " + e.getMessage(), e);
        }
    }

    protected String pluginVersion() {
        Package p = getClass().getPackage();
        return p == null ? null : p.getImplementationVersion();
    }

    /**
     * The base directory relative to the root of the repository, for repository-relative paths in reports: the top
     * of the enclosing git work tree, or without git the top-level project's directory (see {@link #projectRoot}).
     */
    protected String repositoryPrefix() {
        return ProjectRoot.prefix(baseDirectory(), topLevelProjectDirectory());
    }

    /**
     * Where symbolic links under the sources may point: the top of the git work tree, or without git the
     * top-level project's directory (the root of a multi-module build), else the base directory.
     */
    protected Path projectRoot() {
        return ProjectRoot.of(baseDirectory(), topLevelProjectDirectory());
    }

    private Path topLevelProjectDirectory() {
        MavenProject top = session == null ? null : session.getTopLevelProject();
        return top == null || top.getBasedir() == null ? null : top.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /** Reads the sources (and a {@code dir:} baseline, and assertion files) with links held inside {@link #projectRoot}. */
    protected SourceCollector sourceCollector() {
        return new SourceCollector(projectRoot());
    }
}
