#pragma once
/// \file
/// ENTENTE_VECTOR_CLONES: marks a function whose loops g++ should also build for AVX2.

/// Before a function definition: on x86-64 with g++, an AVX2 copy (4 double lanes instead of
/// SSE2's 2) is built beside the baseline one and picked at load time; elsewhere nothing.
/// Without FMA: the same IEEE operations lane by lane, so the same bits on every CPU, unless
/// the file is compiled with -ffast-math (eu_kernels.cpp: libmvec's exp and log).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define ENTENTE_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ENTENTE_VECTOR_CLONES
#endif
