module ze-nlri/bench/compare

go 1.26

require (
	github.com/osrg/gobgp/v3 v3.37.0
	github.com/osrg/gobgp/v4 v4.8.0
)
