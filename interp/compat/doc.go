// Package compat closes the gaps between the Go that yaegi v0.16.1 interprets (Go 1.22
// at best, with some silent wrong answers) and the Go 1.26 that students paste into cells.
//
// It works in two places:
//
//   - Before evaluation, Rewrite turns one parsed cell into Go that yaegi runs the way
//     Go 1.26 would: range over integers and over functions, the built-ins min, max and
//     clear, per-iteration loop variables, and type switches. What cannot be made to work
//     becomes an error naming the feature and the workaround.
//   - At session start, Load compiles into the interpreter the interpreted packages the
//     rewrites call (package gogradcompat) and interpreted stand-ins for the generic
//     standard packages yaegi lacks or has only in part: cmp, iter, maps and slices.
//
// The session must give yaegi its standard library through Filter, so that the empty
// binary cmp, maps and slices packages do not hide the interpreted ones, and must call
// Load after its last Use of the standard library: each such Use makes yaegi recompile
// its own partial cmp, maps and slices over ours.
//
// Invariants: Rewrite keeps the positions of the user's nodes, so that errors still point
// at the user's lines; the names it introduces start with "_gg" and a number unique in the
// cell; it never changes what a program that yaegi already runs correctly prints.
//
// FEATURES.md lists every feature with its status.
package compat
