extension MetingFrame {
    /// The weight of one row: the data's own weight, or its cell's (nil when unweighted).
    func weight(row: Int) -> Double? {
        if let rowWeight { return row < rowWeight.count ? rowWeight[row] : nil }
        if let cellWeight, row < cellOfRow.count { return cellWeight[Int(cellOfRow[row])] }
        return nil
    }
}
