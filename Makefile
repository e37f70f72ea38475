# The two commands a newcomer needs: `make demo` and `make test`.
DOTNET        ?= dotnet
CONFIGURATION ?= Release
HELM          ?= $(CURDIR)/.ci/tools/helm
CLI            = src/LbOperator/bin/$(CONFIGURATION)/net10.0/lb-operator

export HELM

.PHONY: all build test demo bench bench-scale manifests clean

all: build

build:
	$(DOTNET) build LbOperator.sln -c $(CONFIGURATION) -warnaserror --nologo -v minimal

$(HELM):
	.ci/install-helm "$(dir $(HELM))"

# Runs every test project; envtest-style suites report themselves skipped unless KUBEBUILDER_ASSETS is set.
test: build $(HELM)
	$(DOTNET) test LbOperator.sln -c $(CONFIGURATION) --no-build --nologo

# The CLI on the shipped examples: the outage replay must be flagged, its balanced twin must not.
# Exit code 1 means "findings at or above --fail-on", which is the point of the demo; 2 is a real failure.
demo:
	$(DOTNET) build src/LbOperator -c $(CONFIGURATION) --nologo -v quiet
	$(CLI) check -f deploy/examples/ ; status=$$?; [ $$status -le 1 ]

bench:
	$(DOTNET) run -c Release --project tests/LbOperator.Benchmarks -- --filter '*'

# The operator at scale on a real etcd + kube-apiserver (KUBEBUILDER_ASSETS): bare list vs first full audit,
# restart Events, resident memory, steady-state reconciles. Takes about 10 minutes; prints a table.
# BENCH_SCALE_ARGS="--steady-minutes 10" measures the resident memory after 10 minutes without changes.
BENCH_SCALE_ARGS ?=
GEN_CLUSTER   ?= $(firstword $(wildcard $(CURDIR)/../shared/bench/gen_cluster.py $(CURDIR)/../../shared/bench/gen_cluster.py))

bench-scale:
	$(DOTNET) build src/LbOperator -c Release --nologo -v quiet
	$(DOTNET) run -c Release --project tests/LbOperator.Benchmarks -- scale --operator $(CURDIR)/$(CLI) --generator $(GEN_CLUSTER) $(BENCH_SCALE_ARGS)

# Regenerates the plain manifests in deploy/manifests from the chart.
manifests: $(HELM)
	deploy/render-manifests

clean:
	$(DOTNET) clean LbOperator.sln --nologo -v quiet
