#!/bin/sh
# Runs the benchmarks of benchmarks/README.md and keeps each one's raw output, with the date, the
# commit and `uptime` before and after, in benchmarks/results/<UTC date>/<figure>.txt.
# Loopback only; every step is bounded in time.
#
# Usage (from the reactor root, after `mvn -B -pl webapp-example,benchmarks -am package -DskipTests`):
#   sh benchmarks/run-all.sh                 # every figure, in the order below (about 75 min)
#   sh benchmarks/run-all.sh filter enqueue  # only these figures
# Environment: BENCH_OUT (output directory), BENCH_FORWARD_RATE (5000 events/s),
#   BENCH_FORWARD_SECONDS (60) and BENCH_FORWARD_WARMUP (20) for forward-rate.
# Figures: filter enqueue coalescing sandbox cold-path forward-max forward-rate example-page
#          page-throughput upstream-hung dead-upstream shared-cache memory
set -eu
JAR=benchmarks/target/benchmarks.jar
OUT=${BENCH_OUT:-benchmarks/results/$(date -u +%Y-%m-%d)}  # where the raw outputs go
RATE=${BENCH_FORWARD_RATE:-5000}          # events/s of the fixed-rate forwarding run
RATE_SECONDS=${BENCH_FORWARD_SECONDS:-60} # its measured time
RATE_WARMUP=${BENCH_FORWARD_WARMUP:-20}   # its warm-up at the same rate, seconds
if [ ! -f "$JAR" ]; then
  echo "no $JAR: build first (see benchmarks/README.md)" >&2
  exit 1
fi
mkdir -p "$OUT"

run() {
  name=$1; shift
  echo "== $name: $*"
  {
    date -u
    echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
    echo "command: $*"
    uptime
    "$@"
    date -u
    uptime
  } > "$OUT/$name.txt" 2>&1 || echo "   ($name failed, see $OUT/$name.txt)"
}

# 6-forwarding-max.png and 6-forwarding-rate.png: every run's delivery rate over time, from the raw outputs in $OUT
plot_forwarding() {
  timeout 120 java -cp $JAR io.lytx.bench.forward.ForwardingPlot "$OUT" || echo "   (forwarding plot failed)"
}

figure() {
  case $1 in
    filter)
      run 1-filter-cost timeout 900 java -jar $JAR FilterCost -prof gc ;;
    enqueue)
      run 2-enqueue timeout 900 java -jar $JAR Enqueue -prof gc ;;
    coalescing)
      run 3-coalescing timeout 300 java -cp $JAR io.lytx.bench.coalesce.CoalescingRun 200 5 ;;
    sandbox)
      run 4-sandbox timeout 900 java -cp $JAR io.lytx.bench.sandbox.SandboxFigures 100000 2 20000 ;;
    cold-path)
      run 5-cold-path timeout 300 java -cp $JAR io.lytx.bench.cold.ColdPathRun 300 ;;
    forward-max)
      for i in 1 2 3; do
        for lib in lytics segment; do
          run 6-forwarding-max-$lib-$i timeout 300 java -Xmx2g -cp $JAR io.lytx.bench.forward.ForwardingRace $lib max 200000
        done
      done
      plot_forwarding ;;
    forward-rate)
      for i in 1 2 3; do
        for lib in lytics segment none; do
          run 6-forwarding-rate-$lib-$i timeout 300 java -Xmx2g -cp $JAR io.lytx.bench.forward.ForwardingRace $lib rate "$RATE" "$RATE_SECONDS" "$RATE_WARMUP"
        done
      done
      plot_forwarding ;;
    example-page)
      run 7-example-page timeout 1800 java -Dbench.out="$OUT" -cp $JAR io.lytx.bench.page.ExamplePageRun 5 40 pin ;;
    page-throughput)
      run 7a-page-throughput timeout 300 java -cp $JAR io.lytx.bench.page.PageLoadRun throughput 10 3 ;;
    upstream-hung)
      run 7b-upstream-hung timeout 300 java -Dbench.out="$OUT" -cp $JAR io.lytx.bench.page.PageLoadRun hung 60 20 ;;
    dead-upstream)
      run 7c-dead-upstream timeout 400 java -Xmx256m -Dbench.out="$OUT" -cp $JAR io.lytx.bench.page.PageLoadRun dead 180 ;;
    shared-cache)
      run 21-shared-cache-4-nodes timeout 900 java -cp $JAR io.lytx.bench.scale.SharedCacheRun 4 20000 200000 ;;
    memory)
      # bytes per cached visitor (100,000 cached: about 1.4 GB with their recommendation lists, hence 4 GB), then the Zipf hit rate over 1,000,000 visitors at s = 1.0 and 0.8
      run 20-memory-per-visitor timeout 900 java -Xms4g -Xmx4g -XX:+UseG1GC -cp $JAR io.lytx.bench.memory.CachedVisitorMemoryRun 100000
      for s in 1.0 0.8; do
        run 20-zipf-hit-rate-s$s timeout 1000 java -Xmx2g -XX:+UseG1GC -cp $JAR io.lytx.bench.memory.ZipfHitRateRun 1000000 5000000 $s 1000 900
      done ;;
    *)
      echo "unknown figure: $1 (see the usage at the top of $0)" >&2
      exit 2 ;;
  esac
}

if [ $# -eq 0 ]; then
  set -- filter enqueue coalescing sandbox cold-path forward-max forward-rate example-page \
         page-throughput upstream-hung dead-upstream shared-cache memory
fi
for f in "$@"; do
  figure "$f"
done
