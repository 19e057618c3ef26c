// Package display benchmarks and checks the display package from the outside: the cost of
// rendering a long loss curve, the live training view's share of a training run, and gonum
// plots built by interpreted cell code through the generated yaegi symbols.
package display
