package io.agentdlp.detection.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises network tools in shell commands and the destinations they name: curl, wget, httpie
 * and xh, nc/ncat/socat/telnet, scp/sftp/rsync/ssh, ftp, DNS tools, cloud copy tools, and
 * {@code git push} to a URL or remote.
 */
public final class NetworkCommands {
    private static final Set<String> HTTP_CLIENTS = Set.of("curl", "wget", "curlie", "aria2c", "lynx");
    private static final Set<String> HTTPIE = Set.of("http", "https", "xh", "xhs");
    private static final Set<String> SOCKET_TOOLS = Set.of("nc", "ncat", "netcat", "telnet");
    private static final Set<String> SSH_TOOLS = Set.of("ssh", "sftp", "mosh", "autossh");
    private static final Set<String> FTP_TOOLS = Set.of("ftp", "lftp", "tftp");
    private static final Set<String> DNS_TOOLS = Set.of("dig", "nslookup", "host", "ping", "ping6");
    private static final Set<String> CLOUD_TOOLS = Set.of("aws", "gsutil", "gcloud", "az", "rclone", "s3cmd", "azcopy");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** Per tool, the options that consume the next word (so it is not taken for a host). */
    private static final Map<String, Set<String>> VALUE_OPTIONS = Map.of(
            "curl", Set.of("-d", "--data", "--data-binary", "--data-raw", "--data-urlencode", "--data-ascii", "-F",
                    "--form", "--form-string", "-H", "--header", "-o", "--output", "-u", "--user", "-X", "--request",
                    "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar", "-T",
                    "--upload-file", "-x", "--proxy", "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "-K",
                    "--config", "--resolve", "--cacert", "--cert", "--key", "-E", "-r", "--range", "-D", "--dump-header",
                    "-C", "--retry", "-Y", "-y", "-z"),
            "wget", Set.of("-O", "--output-document", "-o", "--output-file", "-P", "--directory-prefix", "-U",
                    "--user-agent", "-t", "--tries", "-T", "--timeout", "-e", "--execute", "--post-data", "--post-file",
                    "--header", "--body-data", "--body-file", "--method", "-a", "-i", "--input-file"),
            "nc", Set.of("-p", "-s", "-w", "-i", "-x", "-X", "-e", "-c", "-q", "-O", "-I", "-T", "-W", "-P"),
            "ssh", Set.of("-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p",
                    "-Q", "-R", "-S", "-W", "-w", "-B", "-P"),
            "rsync", Set.of("-e", "--rsh", "--exclude", "--include", "-f", "--filter", "--port", "--password-file"),
            "http", Set.of("-a", "--auth", "--session", "--cert", "--cert-key", "-o", "--output", "--proxy",
                    "--timeout", "--verify"),
            "git", Set.of("-o", "--push-option", "--repo", "--receive-pack", "--exec"));

    private static final Pattern SCP_REMOTE = Pattern.compile("(?:[^@\\s/:]+@)?(\\[[0-9A-Fa-f:]+]|[A-Za-z0-9][A-Za-z0-9.-]*):(?!//).*");
    private static final Pattern RSYNC_MODULE = Pattern.compile("(?:[^@\\s/:]+@)?([A-Za-z0-9][A-Za-z0-9.-]*)::.*");
    private static final Pattern USER_HOST = Pattern.compile("(?:[^@\\s/]+@)?(\\[[0-9A-Fa-f:]+]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::(\\d{1,5}))?");
    private static final Pattern BARE_HOST = Pattern.compile(
            "(?i)((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}|localhost|\\d{1,3}(?:\\.\\d{1,3}){3})(?::(\\d{1,5}))?(/\\S*)?");
    private static final Pattern SOCAT_ADDRESS = Pattern.compile(
            "(?i)(?:tcp[46]?|tcp-connect|openssl|openssl-connect|udp[46]?|udp-sendto|ssl):([^:,]+):(\\d{1,5}).*");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private NetworkCommands() {
    }

    public static CommandAnalysis analyze(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) {
            return CommandAnalysis.NONE;
        }
        List<ShellCommand> commands = ShellParser.parse(commandLine);
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> remotes = new ArrayList<>();
        List<String> pushUrls = new ArrayList<>();
        boolean network = false;
        for (ShellCommand c : commands) {
            network |= c.program().equals("git") ? gitPush(c.args(), endpoints, remotes, pushUrls)
                    : analyze(c, endpoints);
        }
        return new CommandAnalysis(commands, dedupe(endpoints), network, remotes, pushUrls);
    }

    /** Adds the destinations of one command; returns whether it is network-capable. */
    private static boolean analyze(ShellCommand c, List<Endpoint> out) {
        String p = c.program();
        List<String> args = c.args();
        if (HTTP_CLIENTS.contains(p)) {
            urlsOrFirstHost(p.equals("wget") ? "wget" : "curl", args, out);
            return true;
        }
        if (HTTPIE.contains(p)) {
            httpie(p, args, out);
            return true;
        }
        if (SOCKET_TOOLS.contains(p)) {
            List<String> pos = positional("nc", args);
            if (!pos.isEmpty()) {
                Integer port = pos.size() > 1 && PORT.matcher(pos.get(1)).matches() ? Integer.valueOf(pos.get(1)) : null;
                out.add(Endpoint.host(pos.get(0), port));
            }
            return true;
        }
        if (p.equals("socat")) {
            for (String a : args) {
                Matcher m = SOCAT_ADDRESS.matcher(a);
                if (m.matches()) {
                    out.add(Endpoint.host(m.group(1), Integer.valueOf(m.group(2))));
                }
            }
            return true;
        }
        if (p.equals("scp") || p.equals("rsync")) {
            boolean remote = false;
            for (String a : positional(p.equals("scp") ? "ssh" : "rsync", args)) {
                Optional<Endpoint> e = remoteOperand(a);
                if (e.isPresent()) {
                    out.add(e.get());
                    remote = true;
                }
            }
            return remote;
        }
        if (SSH_TOOLS.contains(p)) {
            List<String> pos = positional("ssh", args);
            if (!pos.isEmpty()) {
                Optional<Endpoint> url = Endpoint.fromUrl(pos.get(0));
                if (url.isPresent()) {
                    out.add(url.get());
                } else {
                    Matcher m = USER_HOST.matcher(pos.get(0));
                    if (m.matches()) {
                        out.add(Endpoint.host(m.group(1), 22));
                    }
                }
            }
            return true;
        }
        if (FTP_TOOLS.contains(p) || DNS_TOOLS.contains(p)) {
            urlsOrFirstHost(p, args, out);
            return true;
        }
        if (CLOUD_TOOLS.contains(p)) {
            urls(args, out);
            return true;
        }
        if (p.equals("openssl")) {
            int i = args.indexOf("-connect");
            if (args.contains("s_client") && i >= 0 && i + 1 < args.size()) {
                Matcher m = USER_HOST.matcher(args.get(i + 1));
                if (m.matches()) {
                    out.add(Endpoint.host(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
                }
            }
            return args.contains("s_client");
        }
        return false;
    }

    private static boolean gitPush(List<String> args, List<Endpoint> out, List<String> remotes, List<String> urls) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String o = args.get(i);
            i += (o.equals("-C") || o.equals("-c") || o.equals("--git-dir") || o.equals("--work-tree")) ? 2 : 1;
        }
        if (i >= args.size() || !args.get(i).equals("push")) {
            return false;
        }
        List<String> pos = positional("git", args.subList(i + 1, args.size()));
        String repo = pos.isEmpty() ? "origin" : pos.get(0);
        Optional<Endpoint> e = Endpoint.fromUrl(repo).or(() -> remoteOperand(repo));
        if (e.isPresent()) {
            out.add(e.get());
            urls.add(repo);
        } else {
            remotes.add(repo);
        }
        return true;
    }

    private static void httpie(String program, List<String> args, List<Endpoint> out) {
        List<String> pos = positional("http", args);
        int i = !pos.isEmpty() && HTTP_METHODS.contains(pos.get(0)) ? 1 : 0;
        if (i >= pos.size()) {
            return;
        }
        String target = pos.get(i);
        Optional<Endpoint> url = Endpoint.fromUrl(target);
        if (url.isPresent()) {
            out.add(url.get());
        } else if (target.startsWith(":")) {
            out.add(Endpoint.host("localhost", null));
        } else {
            String scheme = program.endsWith("s") ? "https://" : "http://";
            Endpoint.fromUrl(scheme + target).ifPresent(out::add);
        }
    }

    private static void urlsOrFirstHost(String family, List<String> args, List<Endpoint> out) {
        List<String> pos = new ArrayList<>(positional(family, args));
        int u = args.indexOf("--url");
        if (u >= 0 && u + 1 < args.size()) {
            pos.add(0, args.get(u + 1));
        }
        int before = out.size();
        urls(pos, out);
        if (out.size() > before) {
            return;
        }
        for (String a : pos) {
            Matcher m = BARE_HOST.matcher(a);
            if (m.matches()) {
                out.add(Endpoint.host(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
                return;
            }
        }
    }

    private static void urls(List<String> args, List<Endpoint> out) {
        for (String a : args) {
            int k = a.indexOf("://");
            if (k > 0) {
                int start = k;
                while (start > 0 && isSchemeChar(a.charAt(start - 1))) {
                    start--;
                }
                Endpoint.fromUrl(a.substring(start)).ifPresent(out::add);
            }
        }
    }

    private static boolean isSchemeChar(char c) {
        return Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-';
    }

    private static Optional<Endpoint> remoteOperand(String a) {
        Optional<Endpoint> url = Endpoint.fromUrl(a);
        if (url.isPresent()) {
            return url;
        }
        Matcher module = RSYNC_MODULE.matcher(a);
        if (module.matches()) {
            return Optional.of(Endpoint.host(module.group(1), 873));
        }
        Matcher m = SCP_REMOTE.matcher(a);
        // A single letter before ':' is a Windows drive, not a host.
        if (m.matches() && m.group(1).length() > 1) {
            return Optional.of(Endpoint.host(m.group(1), 22));
        }
        return Optional.empty();
    }

    /** Arguments that are neither options nor the values of options known to take one. */
    private static List<String> positional(String family, List<String> args) {
        Set<String> valued = VALUE_OPTIONS.getOrDefault(family, Set.of());
        List<String> pos = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                pos.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("-") && a.length() > 1) {
                if (valued.contains(a)) {
                    i++;
                }
                continue;
            }
            pos.add(a);
        }
        return pos;
    }

    private static List<Endpoint> dedupe(List<Endpoint> in) {
        return in.stream().distinct().toList();
    }
}
