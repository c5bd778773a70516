#!/bin/sh
# Runs every benchmark of benchmarks/README.md once, in priority order, and keeps the raw output in
# benchmarks/results/<UTC date>/. Loopback only; every step is bounded in time.
# Usage (from the reactor root, after `mvn -B -pl webapp-example,benchmarks -am package -Dmaven.test.skip=true`):
#   sh benchmarks/run-all.sh
set -eu
JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/results/$(date -u +%Y-%m-%d)
mkdir -p "$OUT"
run() { name=$1; shift; echo "== $name: $*"; { date -u; uptime; "$@"; date -u; uptime; } > "$OUT/$name.txt" 2>&1 || echo "   ($name failed, see $OUT/$name.txt)"; }
run 1-filter-cost  timeout 600 java -jar $JAR FilterCost -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
run 2-enqueue      timeout 900 java -jar $JAR Enqueue -prof gc
run 3-coalescing   timeout 300 java -cp $JAR io.lytx.bench.coalesce.CoalescingRun 200 5
run 4-sandbox      timeout 900 java -cp $JAR io.lytx.bench.sandbox.SandboxFigures 100000 2 20000
run 5-cold-path    timeout 300 java -cp $JAR io.lytx.bench.cold.ColdPathRun 300
for i in 1 2 3; do
  for lib in lytics segment; do
    run 6-forwarding-$lib-$i timeout 300 java -Xmx2g -cp $JAR io.lytx.bench.forward.ForwardingRace $lib 200000
  done
done
run 7-example-page     timeout 1200 java -cp $JAR io.lytx.bench.page.ExamplePageRun 5 40 pin
run 7a-page-throughput timeout 300 java -cp $JAR io.lytx.bench.page.PageLoadRun throughput 10 3
run 7b-upstream-hung   timeout 300 java -cp $JAR io.lytx.bench.page.PageLoadRun hung 10 3
run 7c-dead-upstream   timeout 400 java -cp $JAR io.lytx.bench.page.PageLoadRun dead 180
