// Command nn benchmarks gograd's nn against its peers. It prints one line per figure:
// `name ours peer ratio`. Peer timings come from the Python scripts next to it (run.sh runs
// them and passes their results in with -peers).
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
)

func main() {
	peersFile := flag.String("peers", "", "file of `name seconds-per-step` lines from the peer scripts")
	steps := flag.Int("steps", 0, "override the number of timed steps")
	flag.Parse()
	peers, err := readPeers(*peersFile)
	if err != nil {
		slog.Error("bench: reading peers", "err", err)
		os.Exit(1)
	}
	if *steps > 0 {
		tiny.steps, big.steps = *steps, *steps
	}
	tinyStep, tinyLoss := tiny.train(tiny.steps)
	bigStep, bigLoss := big.train(big.steps)
	slog.Info("bench: compiled", "tiny_loss", tinyLoss, "mlp784_loss", bigLoss)
	fmt.Printf("# name ours peer ratio (ratio > 1: ours is faster; for *_cell_vs_compiled: cell time / compiled time)\n")
	report := func(name string, ours float64, peer string, unit string) {
		p, ok := peers[peer]
		if !ok {
			fmt.Printf("%s %.4g%s - -\n", name, ours, unit)
			return
		}
		fmt.Printf("%s %.4g%s %.4g%s %.2f\n", name, ours, unit, p*1e6, unit, p*1e6/ours)
	}
	us := func(d float64) float64 { return d * 1e6 }
	for _, peer := range []string{"torch", "numpy"} {
		report("tiny_mlp_step_vs_"+peer, us(tinyStep.Seconds()), "tiny_"+peer, "us")
	}
	for _, peer := range []string{"torch", "numpy"} {
		report("mlp784_step_vs_"+peer, us(bigStep.Seconds()), "mlp784_"+peer, "us")
	}
	fmt.Printf("mlp784_samples_per_s %.0f\n", float64(big.batch)/bigStep.Seconds())
	cellFigures(tinyStep, bigStep)
}
