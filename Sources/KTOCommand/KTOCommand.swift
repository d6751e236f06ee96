// KTOCommand module placeholder; replaced as the module is built.
enum KTOCommandModule {}
