// KTOSample module placeholder; replaced as the module is built.
enum KTOSampleModule {}
