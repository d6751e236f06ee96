// KTOWriters module placeholder; replaced as the module is built.
enum KTOWritersModule {}
