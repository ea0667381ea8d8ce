/**
 * The distributions behind the two-sample Kolmogorov–Smirnov p-value, ported from SciPy 1.17.1 so that
 * {@code distribution_shift} gives {@code scipy.stats.ks_2samp}'s figures (default {@code method='auto'}).
 * SciPy is Copyright (c) 2001-2002 Enthought, Inc. and 2003-2025 SciPy Developers, under the BSD 3-Clause
 * licence (redistribution with this notice; neither the names of the copyright holders nor of the
 * contributors may be used to endorse or promote products derived from it without permission; provided
 * "as is", without warranty of any kind). Each class names the SciPy function it follows.
 */
package dev.driftwatch.engine.rule.drift.ks;
