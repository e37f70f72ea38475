# The two commands a newcomer needs: `make demo` and `make test`.
DOTNET        ?= dotnet
CONFIGURATION ?= Release
HELM          ?= $(CURDIR)/.ci/tools/helm
CLI            = src/LbOperator/bin/$(CONFIGURATION)/net10.0/lb-operator

export HELM

.PHONY: all build test e2e demo bench bench-check bench-scale manifests clean

all: build

build:
	$(DOTNET) build LbOperator.sln -c $(CONFIGURATION) -warnaserror --nologo -v minimal

$(HELM):
	.ci/install-helm "$(dir $(HELM))"

# The real control plane for the envtest suites and the end-to-end suite: KUBEBUILDER_ASSETS when set,
# else the binaries of ../shared/envtest unpacked into .ci/tools/envtest (see .ci/envtest-assets).
ENVTEST_ASSETS = assets="$$(.ci/envtest-assets)" && KUBEBUILDER_ASSETS="$$assets"

# Runs every test project, the end-to-end suite included; envtest rows and the end-to-end suite are
# reported as skipped only when no control-plane binaries exist on this machine.
test: build $(HELM)
	$(ENVTEST_ASSETS) $(DOTNET) test LbOperator.sln -c $(CONFIGURATION) --no-build --nologo

# The end-to-end suite alone: the built lb-operator executable against etcd, kube-apiserver and
# kube-controller-manager.
e2e: build $(HELM)
	$(ENVTEST_ASSETS) $(DOTNET) test tests/LbOperator.E2E -c $(CONFIGURATION) --no-build --nologo

# The CLI on the shipped examples: the outage replay must be flagged, its balanced twin must not.
# Exit code 1 means "findings at or above --fail-on", which is the point of the demo; 2 is a real failure.
demo:
	$(DOTNET) build src/LbOperator -c $(CONFIGURATION) --nologo -v quiet
	$(CLI) check -f deploy/examples/ ; status=$$?; [ $$status -le 1 ]

bench:
	$(DOTNET) run -c Release --project tests/LbOperator.Benchmarks -- --filter '*'

# Whole-process wall time and peak memory of `check` on the inputs of the README speed table.
bench-check:
	tests/LbOperator.Benchmarks/Check/check-speed

# The operator at scale on a real etcd + kube-apiserver (KUBEBUILDER_ASSETS): bare list vs first full audit,
# restart Events, resident memory, steady-state reconciles. Takes about 10 minutes; prints a table.
# BENCH_SCALE_ARGS="--steady-minutes 10" measures the resident memory after 10 minutes without changes;
# "--restarts N" (default 3), "--scenarios first" or "envelope", "--keep-logs true" (prints where the operator log is).
BENCH_SCALE_ARGS ?=
GEN_CLUSTER   ?= $(firstword $(wildcard $(CURDIR)/../shared/bench/gen_cluster.py $(CURDIR)/../../shared/bench/gen_cluster.py))

# The operator is published as the image publishes it (ReadyToRun), so the start-up measured is the one shipped.
BENCH_SCALE_CLI = src/LbOperator/bin/bench-scale/lb-operator

bench-scale:
	$(DOTNET) publish src/LbOperator/LbOperator.csproj -c Release -r linux-x64 --self-contained false --nologo -v quiet -o $(dir $(BENCH_SCALE_CLI))
	$(DOTNET) run -c Release --project tests/LbOperator.Benchmarks -- scale --operator $(CURDIR)/$(BENCH_SCALE_CLI) --generator $(GEN_CLUSTER) $(BENCH_SCALE_ARGS)

# Regenerates the plain manifests in deploy/manifests from the chart.
manifests: $(HELM)
	deploy/render-manifests

clean:
	$(DOTNET) clean LbOperator.sln --nologo -v quiet
