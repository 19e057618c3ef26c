package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// readPeers reads `name seconds-per-step` lines, keeping the smallest time of a name that
// repeats; an empty path gives no peers.
func readPeers(path string) (map[string]float64, error) {
	peers := map[string]float64{}
	if path == "" {
		return peers, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		v, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("bench: peer line %q: %w", sc.Text(), err)
		}
		if old, ok := peers[fields[0]]; !ok || v < old {
			peers[fields[0]] = v // the best of repeated runs
		}
	}
	return peers, sc.Err()
}
