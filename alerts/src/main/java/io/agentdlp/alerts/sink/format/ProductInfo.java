package io.agentdlp.alerts.sink.format;

/**
 * The product named in every sink format (OCSF metadata.product, ECS observer, CEF header).
 *
 * @param name    product name
 * @param vendor  vendor name
 * @param version product version
 */
public record ProductInfo(String name, String vendor, String version) {

    /** agentdlp with the version from the jar manifest ("dev" when run from classes). */
    public static ProductInfo agentdlp() {
        String v = ProductInfo.class.getPackage().getImplementationVersion();
        return new ProductInfo("agentdlp", "agentdlp", v == null ? "dev" : v);
    }
}
