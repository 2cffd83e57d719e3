// A bounded job for infra/smoke/smoke.sh to submit with `infra/flink.sh submit`: it sums 1..n per key over
// both TaskManagers' slots and prints the sums to the TaskManagers' stdout (taskmanager-<i>.out).
// Compiled by smoke.sh against the cluster's own Flink jars; not part of the Maven build.

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

public final class FlinkSmokeJob {
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(1, n)
        .keyBy(x -> x % 3)
        .reduce(Long::sum)
        .print();
    env.execute("foldline-infra-smoke");
  }
}
