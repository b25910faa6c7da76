package io.agentdlp.it;

import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * Every scenario of {@link PipelineScenariosIT} against Kafka in a container ({@code apache/kafka},
 * one broker, replication 1). Skipped, with the reason in the report, when no Docker engine answers;
 * the in-JVM cluster runs the same scenarios in {@link PipelineScenariosIT}.
 */
class ContainerPipelineScenariosIT extends PipelineScenariosIT {

    @Override
    Pipeline startPipeline() throws Exception {
        Assumptions.assumeTrue(ContainerCluster.dockerAvailable(),
                "no Docker engine: the Testcontainers run (" + ContainerCluster.IMAGE
                        + ") is skipped; PipelineScenariosIT ran the same scenarios on the in-JVM cluster");
        return Pipeline.start(ContainerCluster.start(), 2, List.of(PipelineScenariosIT.policy()));
    }
}
