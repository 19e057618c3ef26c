package nn

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

//go:embed data/iris.csv data/digits.csv.gz
var dataFS embed.FS

// Iris returns Fisher's Iris data: 150 flowers, 4 measurements in cm (sepal length and
// width, petal length and width), 3 species. The rows keep the file's order (grouped by
// species): Split or Shuffle before batching.
func Iris() (*Dataset, error) {
	raw, err := dataFS.ReadFile("data/iris.csv")
	if err != nil {
		return nil, fmt.Errorf("nn: iris: %w", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("nn: iris: %w", err)
	}
	d, err := parseTable("iris", rows[1:], 4)
	if err != nil {
		return nil, err
	}
	d.Classes = append([]string(nil), rows[0][2:]...)
	d.Features = []string{"sepal length", "sepal width", "petal length", "petal width"}
	return d, nil
}

// Digits returns the UCI 8×8 handwritten digits: 1,797 images as rows of 64 pixel
// intensities from 0 to 16 (row-major), labelled 0–9.
func Digits() (*Dataset, error) {
	f, err := dataFS.Open("data/digits.csv.gz")
	if err != nil {
		return nil, fmt.Errorf("nn: digits: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("nn: digits: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("nn: digits: %w", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("nn: digits: %w", err)
	}
	d, err := parseTable("digits", rows, 64)
	if err != nil {
		return nil, err
	}
	d.Classes = classNames(10)
	return d, nil
}

// parseTable reads rows of cols numbers followed by an integer class.
func parseTable(name string, rows [][]string, cols int) (*Dataset, error) {
	x, labels := make([]float32, 0, len(rows)*cols), make([]int, len(rows))
	for i, r := range rows {
		if len(r) != cols+1 {
			return nil, fmt.Errorf("nn: %s: row %d has %d fields, want %d", name, i, len(r), cols+1)
		}
		for _, s := range r[:cols] {
			v, err := strconv.ParseFloat(s, 32)
			if err != nil {
				return nil, fmt.Errorf("nn: %s: row %d: %w", name, i, err)
			}
			x = append(x, float32(v))
		}
		l, err := strconv.Atoi(r[cols])
		if err != nil {
			return nil, fmt.Errorf("nn: %s: row %d: %w", name, i, err)
		}
		labels[i] = l
	}
	return newClassification(name, x, cols, labels, nil), nil
}
