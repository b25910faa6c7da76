package io.agentdlp.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agentdlp.deploy.render.KubectlKustomize;
import io.agentdlp.deploy.render.KustomizeSubset;

/**
 * The overlays a platform team applies, rendered once per test run: with {@code kubectl kustomize}
 * where a recent kubectl is installed, otherwise with {@link KustomizeSubset}.
 */
public enum Overlay {
    DEV("overlays/dev"),
    PROD("overlays/prod");

    private static final Logger LOG = LoggerFactory.getLogger(Overlay.class);
    private static final Map<Overlay, Manifests> RENDERED = new ConcurrentHashMap<>();
    private final String path;

    Overlay(String path) {
        this.path = path;
    }

    /** The deploy-k8s module directory (Maven's basedir when run by Surefire). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    public Path dir() {
        return moduleDir().resolve(path);
    }

    /** Every object the overlay renders to. */
    public Manifests manifests() {
        return RENDERED.computeIfAbsent(this, o -> new Manifests(o.renderObjects()));
    }

    private List<ObjectNode> renderObjects() {
        var kubectl = KubectlKustomize.find();
        LOG.info("overlay={} renderer={}", name().toLowerCase(), kubectl.isPresent() ? "kubectl-kustomize" : "kustomize-subset");
        return kubectl.map(k -> k.render(dir())).orElseGet(() -> KustomizeSubset.render(dir()));
    }
}
