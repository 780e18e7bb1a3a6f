/// The output of `python3 Tests/KernelsTests/expected_nsight.py` (run it to re-check; it reads the fixtures with
/// Python's csv module and exact fractions, sharing no code with ProfileMate), pasted verbatim.
let expectedNsightFigures = """
  ncu-csv-decode-minimax-m2.7-attn-layer-b200-fwai.csv: 5 kernels, 6 launches, 65312 ns
    1 19168 50352896 0 nvjet_sm100_tst_64x8_64x16_4x1_v_bz_TNT
    1 16576 37776640 0 nvjet_sm100_tst_64x8_64x16_2x1_v_bz_splitK_TNT
    2 14752 38144 0 _rms_norm
    1 8896 61184 0 fmhaSm100fKernel_QkvBfloat16OBfloat16H128PagedKv
    1 5920 3584 0 mha_reshape_and_cache_kernel
  ncu-csv-metrics-decode-cublas-gemv-deepseek-ocr-rtx5090-llmperfopt.csv: 1 kernels, 1 launches, 6750 ns
    1 6750 2330000 0 enable_if<!T7, void>::type kernel<int, int, __nv
  ncu-csv-prefill-minimax-m2.7-attn-layer-b200-fwai.csv: 5 kernels, 6 launches, 532256 ns
    1 242208 105676032 45575680 nvjet_sm100_tst_128x256_64x6_2x1_2cta_v_bz_TNT
    1 157504 151241472 15704320 nvjet_sm100_tst_128x256_64x6_2x2_2cta_h_bz_TNT
    1 54624 68096 0 fmhaSm100fKernel_QkvBfloat16OBfloat16H128PagedKv
    2 45568 58744320 2056192 _rms_norm
    1 32352 20224 0 mha_reshape_and_cache_kernel
  ncu-csv-section-SpeedOfLight-decode-cublas-gemv-deepseek-ocr-rtx5090-llmperfopt.csv: 1 kernels, 1 launches, 6750 ns
    1 6750 None None enable_if<!T7, void>::type kernel<int, int, __nv
  nsys-stats-cuda_gpu_kern_sum-decode-deepseek-ocr-rtx5090-llmperfopt.csv: 46 kernels, 78016 launches, 179072697 ns
    16448 61602133 None None std::enable_if<!T7, void>::type internal::gemvx:
    2304 26427871 None None std::enable_if<!T7, void>::type internal::gemvx:
    6016 10662464 None None void at::native::unrolled_elementwise_kernel<at:
    6592 7546969 None None void at::native::vectorized_elementwise_kernel<(
    4992 7019149 None None void at::native::vectorized_elementwise_kernel<(
    3072 5247257 None None void at::native::elementwise_kernel<(int)128, (i
    1512 4950989 None None void at::native::<unnamed>::CatArrayBatchedCopy_
    5248 4813031 None None void at::native::vectorized_elementwise_kernel<(
    768 4254167 None None void flash::flash_fwd_splitkv_kernel<Flash_fwd_k
    3776 3575353 None None void at::native::vectorized_elementwise_kernel<(
    1560 3199476 None None void at::native::<unnamed>::CatArrayBatchedCopy<
    2304 3144964 None None void at::native::elementwise_kernel<(int)128, (i
    1600 2925294 None None void at::native::reduce_kernel<(int)512, (int)1,
    1536 2669130 None None void at::native::elementwise_kernel<(int)128, (i
    768 2467978 None None void flash::flash_fwd_splitkv_combine_kernel<Fla
    704 2373067 None None void at::native::sbtopk::gatherTopK<float, unsig
    704 2207200 None None void at::native::index_elementwise_kernel<(int)1
    704 2166597 None None void at::native::bitonicSortKVInPlace<(int)-2, (
    2240 2029399 None None void at::native::vectorized_elementwise_kernel<(
    704 1760766 None None void at::native::reduce_kernel<(int)128, (int)4,
    704 1646779 None None void at::native::reduce_kernel<(int)128, (int)4,
    1600 1524635 None None void at::native::vectorized_elementwise_kernel<(
    1600 1519070 None None void at::native::vectorized_elementwise_kernel<(
    1600 1513592 None None void at::native::vectorized_elementwise_kernel<(
    64 1207954 None None void at::native::reduce_kernel<(int)512, (int)1,
    768 1031670 None None void at::native::vectorized_elementwise_kernel<(
    768 1028658 None None void at::native::vectorized_elementwise_kernel<(
    704 941392 None None void at::native::_scatter_gather_elementwise_ker
    704 889069 None None void at::native::vectorized_elementwise_kernel<(
    768 879852 None None void at::native::<unnamed>::CatArrayBatchedCopy_
    64 859767 None None void cutlass::Kernel2<cutlass_80_wmma_tensorop_b
    768 748846 None None void gemmk1_kernel<int, float, (int)256, (int)5,
    704 744983 None None void at::native::vectorized_gather_kernel<(int)1
    704 715533 None None void <unnamed>::softmax_warp_forward<float, floa
    704 711789 None None void at::native::<unnamed>::CatArrayBatchedCopy_
    768 583498 None None void at::native::vectorized_elementwise_kernel<(
    768 548618 None None void <unnamed>::elementwise_kernel_with_index<in
    192 207073 None None void at::native::vectorized_elementwise_kernel<(
    64 114848 None None void at::native::reduce_kernel<(int)512, (int)1,
    64 106210 None None void at_cuda_detail::cub::DeviceScanKernel<at_cu
    64 103713 None None void at::native::<unnamed>::indexSelectSmallInde
    64 95266 None None void at::native::vectorized_elementwise_kernel<(
    64 93408 None None void at::native::<unnamed>::CatArrayBatchedCopy_
    64 91392 None None void cublasLt::splitKreduce_kernel<(int)32, (int
    64 74179 None None void at::native::vectorized_elementwise_kernel<(
    64 47649 None None void at_cuda_detail::cub::DeviceScanInitKernel<a
  nsys-stats-cuda_gpu_kern_sum-prefill-deepseek-ocr-rtx5090-llmperfopt.csv: 97 kernels, 6660 launches, 65691733 ns
    2035 16214877 None None void cutlass::Kernel2<cutlass_80_wmma_tensorop_b
    58 8391228 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    24 5989896 None None fmha_cutlassF_bf16_aligned_64x64_rf_sm80(PyTorch
    109 5481725 None None void at::native::elementwise_kernel<(int)128, (i
    12 3372101 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    84 2726559 None None void at::native::elementwise_kernel<(int)128, (i
    77 2326263 None None void cutlass::Kernel2<cutlass_80_wmma_tensorop_b
    146 1942555 None None void at::native::elementwise_kernel<(int)128, (i
    451 1727002 None None void at::native::unrolled_elementwise_kernel<at:
    12 1721524 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    72 1365616 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    158 1293644 None None void cutlass::Kernel2<cutlass_80_wmma_tensorop_b
    24 999919 None None void cutlass::Kernel2<cutlass_80_wmma_tensorop_b
    146 958316 None None void at::native::<unnamed>::vectorized_layer_nor
    2 919562 None None void cutlass__5x_cudnn::Kernel<cutlass_tensorop_
    716 904487 None None void at::native::vectorized_elementwise_kernel<(
    716 747526 None None void at::native::vectorized_elementwise_kernel<(
    22 697929 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    24 689926 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    290 622790 None None void at::native::vectorized_elementwise_kernel<(
    16 600327 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    24 540997 None None void at::native::vectorized_elementwise_kernel<(
    88 523946 None None void at_cuda_detail::cub::DeviceRadixSortOneswee
    12 298115 None None void flash::flash_fwd_splitkv_kernel<Flash_fwd_k
    36 284197 None None void at::native::elementwise_kernel<(int)128, (i
    96 257443 None None void at::native::unrolled_elementwise_kernel<at:
    73 237155 None None void at::native::elementwise_kernel<(int)128, (i
    32 228996 None None void cutlass::Kernel2<cutlass_80_wmma_tensorop_b
    11 209474 None None void at::native::index_elementwise_kernel<(int)1
    16 203075 None None void at::native::vectorized_elementwise_kernel<(
    5 200579 None None sm80_xmma_fprop_implicit_gemm_bf16bf16_bf16f32_f
    46 179905 None None fused__autocast_to__12152488584593855096
    16 178307 None None void cudnn::engines_precompiled::nchwToNhwcKerne
    24 152995 None None void pytorch_flash::flash_fwd_splitkv_kernel<Fla
    24 151585 None None void pytorch_flash::flash_fwd_kernel<Flash_fwd_k
    24 139458 None None void at::native::<unnamed>::CatArrayBatchedCopy<
    54 130240 None None void at::native::vectorized_gather_kernel<(int)1
    24 127138 None None void at::native::vectorized_elementwise_kernel<(
    96 109122 None None void at::native::unrolled_elementwise_kernel<at:
    12 96833 None None void at::native::<unnamed>::CatArrayBatchedCopy_
    11 96737 None None void at::native::reduce_kernel<(int)128, (int)4,
    11 91168 None None void at::native::reduce_kernel<(int)128, (int)4,
    25 87681 None None void at::native::reduce_kernel<(int)512, (int)1,
    77 83329 None None void at::native::vectorized_elementwise_kernel<(
    48 76352 None None void at::native::unrolled_elementwise_kernel<at:
    97 75040 None None void <unnamed>::elementwise_kernel_with_index<in
    36 73665 None None void at::native::vectorized_elementwise_kernel<(
    29 71298 None None void at::native::vectorized_elementwise_kernel<(
    24 66561 None None void pytorch_flash::flash_fwd_splitkv_combine_ke
    2 64065 None None void at::native::<unnamed>::upsample_gen2d_aa_ou
    48 63233 None None void at::native::elementwise_kernel<(int)128, (i
    12 61440 None None void flash::flash_fwd_splitkv_combine_kernel<Fla
    11 60896 None None void at::native::sbtopk::gatherTopK<float, unsig
    8 53761 None None void at::native::<unnamed>::upsample_linear1d_ou
    24 52736 None None void at::native::elementwise_kernel<(int)128, (i
    37 41665 None None void at::native::vectorized_elementwise_kernel<(
    11 37888 None None void at::native::_scatter_gather_elementwise_ker
    25 30496 None None void at::native::vectorized_elementwise_kernel<(
    4 28802 None None void at::native::elementwise_kernel<(int)128, (i
    8 27168 None None void at::native::index_elementwise_kernel<(int)1
    12 25826 None None void at::native::reduce_kernel<(int)512, (int)1,
    4 25632 None None void at::native::elementwise_kernel<(int)128, (i
    8 25376 None None void cudnn::engines_precompiled::nhwcToNchwKerne
    4 25248 None None void at::native::elementwise_kernel<(int)128, (i
    11 24832 None None void at_cuda_detail::cub::DeviceRadixSortHistogr
    12 24736 None None void at::native::<unnamed>::CatArrayBatchedCopy<
    4 23040 None None void at::native::reduce_kernel<(int)128, (int)4,
    4 22368 None None void at::native::reduce_kernel<(int)128, (int)4,
    1 21504 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    2 20608 None None void at::native::reduce_kernel<(int)512, (int)1,
    12 20480 None None void at::native::vectorized_elementwise_kernel<(
    12 20065 None None void at::native::vectorized_elementwise_kernel<(
    1 19809 None None sm80_xmma_fprop_implicit_gemm_bf16bf16_bf16f32_f
    4 19232 None None void at::native::<unnamed>::CatArrayBatchedCopy<
    11 18400 None None void at::native::vectorized_elementwise_kernel<(
    12 16224 None None void at::native::vectorized_elementwise_kernel<(
    12 13696 None None void gemmk1_kernel<int, float, (int)256, (int)5,
    11 12704 None None void <unnamed>::softmax_warp_forward<float, floa
    2 12256 None None void at::native::elementwise_kernel<(int)128, (i
    11 12160 None None at::native::<unnamed>::fill_reverse_indices_kern
    1 12064 None None void cutlass::Kernel2<cutlass_80_tensorop_bf16_s
    3 11616 None None std::enable_if<!T7, void>::type internal::gemvx:
    12 11456 None None void at::native::unrolled_elementwise_kernel<at:
    11 11040 None None void at_cuda_detail::cub::DeviceRadixSortExclusi
    11 9408 None None void at::native::vectorized_elementwise_kernel<(
    2 8256 None None void at::native::vectorized_elementwise_kernel<(
    2 7264 None None void at::native::vectorized_elementwise_kernel<(
    1 5856 None None void at_cuda_detail::cub::DeviceScanKernel<at_cu
    4 4608 None None void at::native::vectorized_elementwise_kernel<(
    1 4416 None None void cublasLt::splitKreduce_kernel<(int)32, (int
    1 3712 None None void at::native::vectorized_elementwise_kernel<(
    1 2784 None None void at::native::<unnamed>::CatArrayBatchedCopy<
    1 2624 None None void at::native::elementwise_kernel<(int)128, (i
    1 1984 None None void at::native::reduce_kernel<(int)512, (int)1,
    1 1440 None None void at::native::vectorized_elementwise_kernel<(
    1 928 None None at::native::<unnamed>::masked_scatter_size_check
    1 768 None None void at_cuda_detail::cub::DeviceScanInitKernel<a
  """
