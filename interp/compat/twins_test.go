package compat

import (
	"io/fs"
	"strings"
	"testing"
)

// The twins of slices call each other and cmp's twins, never the shared names.
func TestTwinsCallTwins(t *testing.T) {
	generics := map[string]map[string]bool{}
	for _, pkg := range twinned {
		g, err := genericFuncs(pkg)
		if err != nil {
			t.Fatal(err)
		}
		generics[pkg] = g
	}
	if !generics["slices"]["Max"] || !generics["cmp"]["Compare"] || !generics["slices"]["mergeSort"] {
		t.Fatalf("generic functions: %v", generics)
	}
	all := ""
	for _, file := range []string{"iter.go", "order.go"} {
		src, err := fs.ReadFile(sources, "_gopath/src/slices/"+file)
		if err != nil {
			t.Fatal(err)
		}
		twin, err := twinSource("slices", src, generics)
		if err != nil {
			t.Fatal(err)
		}
		all += twin
	}
	for _, want := range []string{
		"func Slices_Sorted[", "s := Slices_Collect(seq)", "Slices_Sort(s)",
		"func Slices_BinarySearch[", "cmp.Cmp_Compare(a, b)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("twins lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "func Sorted[") || strings.Contains(all, " Collect(") {
		t.Errorf("twins keep a shared name:\n%s", all)
	}
}
