int HelperTwice(int x) => 2 * x;
