package display

import (
	"testing"
	"time"
)

// TestLiveChartCheapThenFull checks that redraws while training are smaller PNGs shown at the
// final picture's size (no jump in the notebook), and that Done leaves the full-quality
// picture.
func TestLiveChartCheapThenFull(t *testing.T) {
	rec := &recorder{}
	live := NewWriter(rec).TrainingWith(TrainingOptions{Interval: time.Nanosecond, Budget: 0.99, Sync: true})
	h := longHistory(2000)
	for n := 1000; n <= 2000; n += 500 {
		part := snapshot(h)
		part.Steps = part.Steps[:n]
		live.Update(part)
		time.Sleep(30 * time.Millisecond) // let the budget, a share of elapsed time, allow a redraw
	}
	live.Done(h)
	_, chartID := live.IDs()
	var charts []Bundle
	for _, o := range rec.out {
		if o.id == chartID {
			charts = append(charts, o.b)
		}
	}
	if len(charts) < 2 {
		t.Fatalf("%d charts published, want redraws and the final one", len(charts))
	}
	for i, b := range charts {
		md := b.Metadata["image/png"].(map[string]any)
		if md["width"] != 1000 || md["height"] != 350 {
			t.Errorf("chart %d shows at %vx%v, want 1000x350", i, md["width"], md["height"])
		}
		size := decodePNG(t, b).Bounds().Size()
		want := [2]int{800, 280} // 80 dpi while training
		if i == len(charts)-1 {
			want = [2]int{1000, 350}
		}
		if size.X != want[0] || size.Y != want[1] {
			t.Errorf("chart %d of %d has %v pixels, want %v", i, len(charts), size, want)
		}
	}
}
