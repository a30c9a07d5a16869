// The GoBGP side of `npm run bench:compare` (bench/compare.mjs): reads the project's samples as
// JSON on stdin ([{"family","afi","safi","hex"}, ...]), and for every sample GoBGP decodes times
//   decode  bytes → GoBGP's NLRI value (v4: bgp.NLRIFromSlice; v3: NewPrefixFromRouteFamily + DecodeFromBytes)
//   encode  that value → bytes (Serialize)
// in CPU time (see measure), and prints one JSON line per sample and library: ns/op, B/op, allocs/op.
// A sample GoBGP refuses or re-encodes differently is reported with "error" and not timed.
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"syscall"
	"time"

	bgp3 "github.com/osrg/gobgp/v3/pkg/packet/bgp"
	bgp4 "github.com/osrg/gobgp/v4/pkg/packet/bgp"
)

type sample struct {
	Family string `json:"family"`
	Afi    uint16 `json:"afi"`
	Safi   uint8  `json:"safi"`
	Hex    string `json:"hex"`
}

type result struct {
	Index  int     `json:"index"`
	Lib    string  `json:"lib"`
	Op     string  `json:"op"`
	Ns     float64 `json:"ns"`
	Bytes  int64   `json:"bytes"`
	Allocs int64   `json:"allocs"`
	Error  string  `json:"error,omitempty"`
}

type codec struct {
	lib    string
	decode func(s sample, b []byte) (func() ([]byte, error), error)
}

var codecs = []codec{
	{"gobgp-v4.8.0", func(s sample, b []byte) (func() ([]byte, error), error) {
		f := bgp4.NewFamily(s.Afi, s.Safi)
		n, err := bgp4.NLRIFromSlice(f, b)
		if err != nil {
			return nil, err
		}
		return func() ([]byte, error) { return n.Serialize() }, nil
	}},
	{"gobgp-v3.37.0", func(s sample, b []byte) (func() ([]byte, error), error) {
		n, err := bgp3.NewPrefixFromRouteFamily(s.Afi, s.Safi)
		if err != nil {
			return nil, err
		}
		if err := n.DecodeFromBytes(b); err != nil {
			return nil, err
		}
		return func() ([]byte, error) { return n.Serialize() }, nil
	}},
}

var sinkErr error

var batch = 10 * time.Millisecond

func cpuNow() time.Duration {
	var r syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

// measure: CPU time (user+system, getrusage) per call, median of 3 batches of about `batch`
// each after calibration and a warm-up, and bytes/allocations per call (runtime.MemStats). CPU
// time rather than wall time: on a shared machine the process is descheduled, its CPU time is not.
func measure(f func()) (ns float64, bytes, allocs int64) {
	n := 1
	for {
		t := cpuNow()
		for i := 0; i < n; i++ {
			f()
		}
		if cpuNow()-t > batch/4 {
			break
		}
		n *= 2
	}
	n *= 4
	for i := 0; i < n; i++ {
		f()
	}
	runs := make([]float64, 3)
	var m0, m1 runtime.MemStats
	for k := range runs {
		runtime.ReadMemStats(&m0)
		t := cpuNow()
		for i := 0; i < n; i++ {
			f()
		}
		runs[k] = float64(cpuNow()-t) / float64(n)
		runtime.ReadMemStats(&m1)
		bytes = int64(m1.TotalAlloc-m0.TotalAlloc) / int64(n)
		allocs = int64(m1.Mallocs-m0.Mallocs) / int64(n)
	}
	sort.Float64s(runs)
	return runs[1], bytes, allocs
}

func main() {
	flag.DurationVar(&batch, "batch", batch, "CPU time per timed batch")
	check := flag.Bool("check", false, "only report which samples GoBGP takes (no timing)")
	flag.Parse()
	var samples []sample
	if err := json.NewDecoder(os.Stdin).Decode(&samples); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(2)
	}
	out := json.NewEncoder(os.Stdout)
	for i, s := range samples {
		b, err := hex.DecodeString(s.Hex)
		if err != nil {
			panic(err)
		}
		for _, c := range codecs {
			enc, err := safeDecode(c, s, b)
			if err == nil {
				var got []byte
				got, err = enc()
				if err == nil && !bytes.Equal(got, b) {
					err = fmt.Errorf("re-encodes to %X", got)
				}
			}
			if err != nil {
				out.Encode(result{Index: i, Lib: c.lib, Op: "decode", Error: err.Error()})
				continue
			}
			if *check {
				out.Encode(result{Index: i, Lib: c.lib, Op: "decode"})
				continue
			}
			dn, db, da := measure(func() { _, sinkErr = c.decode(s, b) })
			// The decode of v3 includes NewPrefixFromRouteFamily (the empty value to decode into),
			// v4's includes the family switch: both are what a caller does per NLRI.
			out.Encode(result{Index: i, Lib: c.lib, Op: "decode", Ns: dn, Bytes: db, Allocs: da})
			en, eb, ea := measure(func() { _, sinkErr = enc() })
			out.Encode(result{Index: i, Lib: c.lib, Op: "encode", Ns: en, Bytes: eb, Allocs: ea})
		}
	}
}

// GoBGP panics on some inputs; a panic is a refusal here.
func safeDecode(c codec, s sample, b []byte) (enc func() ([]byte, error), err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	enc, err = c.decode(s, b)
	if err == nil {
		_, err = enc()
	}
	return enc, err
}
